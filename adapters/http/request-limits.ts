import type { Context } from 'hono';
import type { RateLimited } from '../../application/use-cases/apply-rate-limit.ts';
import type { Result } from '../../domain/shared/result.ts';
import { problem } from './problem.ts';

/** One budget the HTTP edge enforces per subject (an API key's digest, a client address). */
export type RequestLimit = {
  /** Counts one hit of `subject`; refused once it goes over the window's budget. */
  count(subject: string): Promise<Result<void, RateLimited>>;
  /** Whether `subject` has already spent the window's budget; counts nothing. */
  check(subject: string): Promise<Result<void, RateLimited>>;
};

/** The budgets of the HTTP edge, shared by every instance (bootstrap backs them with PostgreSQL). */
export type RequestLimits = {
  /** Requests of one authenticated API key. */
  readonly apiKey: RequestLimit;
  /** Failed authentications from one client address: past it, the address gets 429 before its key is looked at. */
  readonly authFailures: RequestLimit;
  /** Webhooks with a bad signature from one client address (good signatures never count). */
  readonly badSignatures: RequestLimit;
};

/** 429 problem+json with `Retry-After` in seconds. */
export const tooManyRequests = (c: Context, retryAfterSeconds: number, code: string, detail: string) => {
  c.header('Retry-After', String(retryAfterSeconds));
  return problem(c, 429, code, 'Too Many Requests', detail);
};

export const rateLimitedDetail = (retryAfterSeconds: number): string =>
  `Too many requests; try again in ${retryAfterSeconds} s.`;

export const rateLimited = (c: Context, error: RateLimited) =>
  tooManyRequests(c, error.retryAfterSeconds, 'rate_limited', rateLimitedDetail(error.retryAfterSeconds));
