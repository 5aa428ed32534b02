import { z } from 'zod';

/** A Graph API refusal, or a Graph API we could not reach, classified; Meta's error shape stops here. */
export type GraphFailure = {
  readonly retryable: boolean;
  readonly code: string;
  readonly title: string;
  /** The earliest retry that may work (rate limits, maintenance, `Retry-After`). */
  readonly retryAfterMs?: number;
};

type Known = { readonly title: string; readonly retryable: boolean; readonly retryAfterMs?: number };

const retry = (title: string, retryAfterMs?: number): Known =>
  retryAfterMs === undefined ? { title, retryable: true } : { title, retryable: true, retryAfterMs };
const stop = (title: string): Known => ({ title, retryable: false });

/** Meta's titles and our retry call per code (adapters/whatsapp/meta-cloud/README.md §F14, §F15). */
const KNOWN: ReadonlyMap<number, Known> = new Map([
  [0, stop('AuthException')],
  [1, retry('API Unknown')],
  [2, retry('API Service')],
  [3, stop('API Method')],
  [4, retry('API Too Many Calls')],
  [10, stop('Permission Denied')],
  [100, stop('Invalid parameter')],
  [190, stop('Access token has expired')],
  [368, stop('Temporarily blocked for policies violations')],
  [80007, retry('Rate limit issues')],
  [130429, retry('Rate limit hit', 1_000)],
  [131000, retry('Something went wrong')],
  [131005, stop('Access denied')],
  [131008, stop('Required parameter is missing')],
  [131009, stop('Parameter value is not valid')],
  [131016, retry('Service unavailable')],
  [131021, stop('Recipient cannot be sender')],
  [131026, stop('Message Undeliverable')],
  [131042, stop('Business eligibility payment issue')],
  [131047, stop('Re-engagement message')],
  [131048, stop('Spam rate limit hit')],
  [131049, stop('Not delivered to maintain healthy ecosystem engagement')],
  [131051, stop('Unsupported message type')],
  [131052, stop('Media download error')],
  [131053, stop('Media upload error')],
  // Pair rate: about one message per 6 s to the same user; Meta suggests 4^X s back-off.
  [131056, retry('Pair rate limit hit', 6_000)],
  // Maintenance, e.g. the throughput upgrade, lasts about a minute.
  [131057, retry('Account in maintenance mode', 60_000)],
  [132000, stop('Template Param Count Mismatch')],
  [132001, stop('Template does not exist')],
  [132005, stop('Template Hydrated Text Too Long')],
  [132007, stop('Template Format Character Policy Violated')],
  [132012, stop('Template Parameter Format Mismatch')],
  [132015, stop('Template is Paused')],
  [132016, stop('Template is Disabled')],
  [133004, retry('Server Temporarily Unavailable')],
  [133010, stop('Phone number Not Registered')],
]);

const graphErrorBody = z.object({
  error: z.object({
    code: z.number().int(),
    message: z.string().optional(),
    error_subcode: z.number().int().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

const DETAILS_MAX = 300;

const retryableStatus = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/** `Retry-After` in seconds (Graph does not send dates); `undefined` when absent or unreadable. */
const retryAfterHeader = (header: string | null): number | undefined => {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
};

const withHint = (failure: GraphFailure, ...hints: (number | undefined)[]): GraphFailure => {
  const known = hints.filter((h): h is number => h !== undefined);
  return known.length === 0 ? failure : { ...failure, retryAfterMs: Math.max(...known) };
};

/**
 * Classifies an HTTP answer that was not 2xx. Meta advises deciding on `code` (and reading
 * `error_data.details`), never on the message; without a Graph error body, the HTTP status decides.
 */
export const classifyGraphResponse = (
  status: number,
  body: unknown,
  retryAfter: string | null = null,
): GraphFailure => {
  const headerHint = retryAfterHeader(retryAfter);
  const parsed = graphErrorBody.safeParse(body);
  if (!parsed.success) {
    const failure = {
      retryable: retryableStatus(status),
      code: `http_${status}`,
      title: `Graph API answered HTTP ${status}`,
    };
    return withHint(failure, headerHint);
  }
  const { code, message, error_data } = parsed.data.error;
  const known = KNOWN.get(code);
  const title = known?.title ?? message ?? `Graph API error ${code}`;
  const details = error_data?.details;
  return withHint(
    {
      retryable: known?.retryable ?? retryableStatus(status),
      code: String(code),
      title: details === undefined || details === '' ? title : `${title}: ${details.slice(0, DETAILS_MAX)}`,
    },
    known?.retryAfterMs,
    headerHint,
  );
};

/** A request that never got an answer: aborted by our timeout, or the connection failed. Both may work later. */
export const classifyTransportError = (error: unknown): GraphFailure => {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return { retryable: true, code: 'timeout', title: 'Graph API did not answer in time' };
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const reason =
    (cause as NodeJS.ErrnoException | null)?.code ??
    cause?.message ??
    (error instanceof Error ? error.message : String(error));
  return { retryable: true, code: 'network', title: `Graph API unreachable (${reason})` };
};

/** True when the answer says our access token is no good (see `AccessTokenRejected`). */
export const isTokenRejection = (status: number, failure: GraphFailure): boolean =>
  status === 401 || failure.code === '190';
