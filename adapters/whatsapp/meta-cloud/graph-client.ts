import { err, ok, type Result } from '../../../domain/shared/result.ts';
import { AccessTokenRejected } from './access-token-rejected.ts';
import { classifyGraphResponse, classifyTransportError, isTokenRejection, type GraphFailure } from './graph-errors.ts';
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
 * The Graph API over fetch: bearer token, per-attempt timeout, classified failures, bounded retries.
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

  async #exchange(request: GraphRequest): Promise<GraphResult<GraphAnswer>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.config.accessToken}` };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    const body = request.form ?? (request.json === undefined ? null : JSON.stringify(request.json));
    try {
      const signal = AbortSignal.timeout(this.config.timeoutMs);
      const response = await fetch(request.url, { method: request.method, headers, body, signal });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return ok({ status: response.status, headers: response.headers, body: bytes });
    } catch (error) {
      return err(classifyTransportError(error));
    }
  }

  #judge(answer: GraphAnswer): GraphResult<GraphAnswer> {
    if (answer.status >= 200 && answer.status < 300) return ok(answer);
    const failure = classifyGraphResponse(answer.status, parseJson(answer.body), answer.headers.get('retry-after'));
    if (isTokenRejection(answer.status, failure)) throw new AccessTokenRejected(`${failure.code} ${failure.title}`);
    return err(failure);
  }
}
