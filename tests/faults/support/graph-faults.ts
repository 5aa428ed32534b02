import type { RecordedRequest, StubFault, StubGraphApi } from '../../support/stub-graph-api.ts';

/** A misbehaviour of Meta's Graph API on a send, and the least wait before the same message may be tried again. */
export type GraphFault = {
  readonly name: string;
  /** How the stub labels a request it played this on (`RecordedRequest.fault`). */
  readonly label: string;
  readonly play: (stub: StubGraphApi) => void;
  readonly retryable: boolean;
  readonly waitMs: number;
};

const MESSAGES = '/messages';
const fail = (name: string, fault: StubFault, retryable: boolean, waitMs = 0): GraphFault => ({
  name,
  retryable,
  waitMs,
  label: `http_${fault.status}${fault.error === undefined ? '' : `:${fault.error.code}`}`,
  play: (stub) => stub.failNext(1, fault, MESSAGES),
});

/** Meta's errors (adapters/whatsapp/meta-cloud/README.md §F14, §F15), plus a network that drops or never answers. */
export const GRAPH_FAULTS = {
  serverError: fail('500', { status: 500 }, true),
  somethingWentWrong: fail('131000', { status: 500, error: { code: 131000, message: 'Something went wrong' } }, true),
  // Retry-After within the Graph client's own retry budget (it sleeps), and beyond it (the outbox waits).
  tooManyRequests: fail('429 Retry-After: 3', { status: 429, retryAfter: '3' }, true, 3_000),
  unavailable: fail('503 Retry-After: 5', { status: 503, retryAfter: '5' }, true, 5_000),
  throughput: fail(
    '130429',
    { status: 400, error: { code: 130429, message: '(#130429) Rate limit hit' } },
    true,
    1_000,
  ),
  pairRate: fail(
    '131056',
    { status: 400, error: { code: 131056, message: '(#131056) Pair rate limit hit' } },
    true,
    6_000,
  ),
  undeliverable: fail('131026', { status: 400, error: { code: 131026, message: 'Message Undeliverable' } }, false),
  dropped: {
    name: 'dropped connection',
    label: 'drop',
    retryable: true,
    waitMs: 0,
    play: (stub) => stub.dropNextConnection(MESSAGES),
  },
  // The Graph client gives up on an attempt after 10 s (bootstrap/modules/whatsapp-module.ts); the stub's clock
  // starts a little after the app's, hence the margin.
  timeout: {
    name: 'no answer',
    label: 'hang',
    retryable: true,
    waitMs: 9_900,
    play: (stub) => stub.timeoutNext(MESSAGES),
  },
} satisfies Record<string, GraphFault>;

/** A seeded shuffle (mulberry32), so a failing order can be replayed with FAULTS_SEED. */
export const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** Sends as the stub saw them (read marks and uploads left out), in arrival order. */
export const sendsAtStub = (stub: StubGraphApi): RecordedRequest[] =>
  stub.requests
    .filter(
      (r) =>
        r.method === 'POST' &&
        r.path.endsWith(MESSAGES) &&
        (r.json as { status?: unknown } | undefined)?.status !== 'read',
    )
    .sort((a, b) => a.at - b.at);

/** The shortest time the stub saw `limit + 1` sends arrive in: at least a second, if the limiter holds. */
export const shortestSpanOf = (sends: readonly RecordedRequest[], limit: number): number => {
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 0; i + limit < sends.length; i++)
    shortest = Math.min(shortest, (sends[i + limit]?.at ?? 0) - (sends[i]?.at ?? 0));
  return shortest;
};

/** For each fault with a wait, how long the same message (same request body) took to come back; `[fault, ms]`. */
export const retriesAfter = (
  sends: readonly RecordedRequest[],
  played: readonly GraphFault[],
): [GraphFault, number][] => {
  const faults = new Map(played.map((f) => [f.label, f]));
  const seen = new Map<string, RecordedRequest>();
  const gaps: [GraphFault, number][] = [];
  for (const send of sends) {
    const body = JSON.stringify(send.json);
    const before = seen.get(body);
    const fault = before?.fault === undefined ? undefined : faults.get(before.fault);
    if (before !== undefined && fault !== undefined) gaps.push([fault, send.at - before.at]);
    seen.set(body, send);
  }
  return gaps;
};
