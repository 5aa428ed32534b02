import { err, ok, type Result } from '../../../domain/shared/result.ts';
import { AccessTokenRejected } from './access-token-rejected.ts';
import { classifyGraphResponse, classifyTransportError, isTokenRejection, type GraphFailure } from './graph-errors.ts';
import { ERROR_BODY_MAX, idleTimed, readAtMost, timedOut } from './graph-body.ts';
import { DEFAULT_GRAPH_RETRY, withRetries, type GraphRetryPolicy, type Pause } from './graph-retry.ts';

export type GraphConfig = {
  /** `https://graph.facebook.com`, or a stub; no trailing slash. */
  readonly baseUrl: string;
  /** Pinned Graph version, e.g. `v25.0`. */
  readonly version: string;
  readonly accessToken: string;
  readonly businessAccountId: string;
  /** Per attempt, body included. */
  readonly timeoutMs: number;
};

export type GraphClientOptions = {
  readonly retry?: Partial<GraphRetryPolicy>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
};

export type GraphRequest = {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly json?: unknown;
  readonly form?: FormData;
};

/** A 2xx answer, body read in full. */
export type GraphAnswer = { readonly status: number; readonly headers: Headers; readonly body: Uint8Array };

/**
 * A 2xx answer whose body is read as it arrives (a lead's file). Iterate `body` to its end, or stop early
 * (its socket closes); `cancel()` drops a body never iterated. It fails with a `TimeoutError` when no byte
 * comes for `timeoutMs`: a slow but steady 100 MB download is not cut off, a stalled one is.
 */
export type GraphStream = {
  readonly status: number;
  readonly headers: Headers;
  readonly body: AsyncIterable<Uint8Array>;
  cancel(): Promise<void>;
};

export type GraphResult<T> = Result<T, GraphFailure>;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const parseJson = (bytes: Uint8Array): unknown => {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
};

/**
 * The Graph API over fetch: bearer token, per-attempt timeout, classified failures, bounded retries, and
 * redirects never followed (a 3xx is a final `redirect_refused`: the token goes only where we send it).
 * Returns failures as values; throws `AccessTokenRejected` when the token is refused.
 */
export class GraphClient {
  readonly config: GraphConfig;
  readonly #policy: GraphRetryPolicy;
  readonly #pause: Pause;

  constructor(config: GraphConfig, options: GraphClientOptions = {}) {
    this.config = { ...config, baseUrl: config.baseUrl.replace(/\/+$/, '') };
    this.#policy = { ...DEFAULT_GRAPH_RETRY, ...options.retry };
    this.#pause = { sleep: options.sleep ?? realSleep, random: options.random ?? Math.random };
  }

  /** `{baseUrl}/{version}/{path}`. */
  url(path: string): string {
    return `${this.config.baseUrl}/${this.config.version}/${path}`;
  }

  /** The answer's JSON (`null` when the body is not JSON); `before` runs before every attempt (rate limiting). */
  async json(request: GraphRequest, before?: () => Promise<void>): Promise<GraphResult<unknown>> {
    const answer = await this.call(request, before);
    return answer.ok ? ok(parseJson(answer.value.body)) : answer;
  }

  async call(request: GraphRequest, before?: () => Promise<void>): Promise<GraphResult<GraphAnswer>> {
    return withRetries(this.#policy, this.#pause, async () => {
      await before?.();
      const answer = await this.#exchange(request);
      return answer.ok ? this.#judge(answer.value) : answer;
    });
  }

  /**
   * Like `call`, but a 2xx body is streamed, not read: a failed attempt to get the answer's head is
   * retried; a body that breaks later fails the caller's iteration (with a transport error to classify).
   */
  async stream(request: GraphRequest): Promise<GraphResult<GraphStream>> {
    return withRetries(this.#policy, this.#pause, async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(timedOut()), this.config.timeoutMs);
      let response: Response;
      try {
        response = await this.#fetch(request, controller.signal);
      } catch (error) {
        return err(classifyTransportError(error));
      } finally {
        clearTimeout(timer);
      }
      const { status, headers, body } = response;
      if (status >= 200 && status < 300 && body !== null) {
        return ok({
          status,
          headers,
          body: idleTimed(body, controller, this.config.timeoutMs),
          cancel: () => body.cancel().catch(() => {}),
        });
      }
      const start = await readAtMost(body, ERROR_BODY_MAX).catch(() => new Uint8Array());
      const judged = this.#judge({ status, headers, body: start });
      return judged.ok
        ? err({ retryable: true, code: 'unexpected_response', title: 'Graph API answered without a body' })
        : judged;
    });
  }

  /** Never follows a redirect: the bearer token goes only where we send it (a 3xx is judged a failure). */
  #fetch(request: GraphRequest, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.config.accessToken}` };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const body = request.form ?? (request.json === undefined ? null : JSON.stringify(request.json));
    return fetch(request.url, { method: request.method, headers, body, signal, redirect: 'manual' });
  }

  async #exchange(request: GraphRequest): Promise<GraphResult<GraphAnswer>> {
    try {
      const response = await this.#fetch(request, AbortSignal.timeout(this.config.timeoutMs));
      const bytes = new Uint8Array(await response.arrayBuffer());
      return ok({ status: response.status, headers: response.headers, body: bytes });
    } catch (error) {
      return err(classifyTransportError(error));
    }
  }

  #judge(answer: GraphAnswer): GraphResult<GraphAnswer> {
    if (answer.status >= 200 && answer.status < 300) return ok(answer);
    if (answer.status >= 300 && answer.status < 400) {
      return err({
        retryable: false,
        code: 'redirect_refused',
        title: `Graph API answered a redirect (HTTP ${answer.status}), which is never followed`,
      });
    }
    const failure = classifyGraphResponse(answer.status, parseJson(answer.body), answer.headers.get('retry-after'));
    if (isTokenRejection(answer.status, failure)) throw new AccessTokenRejected(`${failure.code} ${failure.title}`);
    return err(failure);
  }
}
