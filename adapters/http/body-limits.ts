import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problem } from './problem.ts';

/** The largest body a route reads unless it sets a limit of its own (uploads, the webhook, the fake's inbound): 1 MiB. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const inWords = (bytes: number): string =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;

/** The 413 problem for a body over `maxBytes`. */
export const payloadTooLarge = (maxBytes: number) => (c: Context) =>
  problem(c, 413, 'payload_too_large', 'Payload Too Large', `The request body is larger than ${inWords(maxBytes)}.`, {
    maxBytes,
  });

/**
 * Refuses a body over `maxBytes` before anything reads it: by its Content-Length, or, sent chunked without one,
 * as soon as the bytes read pass the limit (the rest is never buffered).
 */
export const limitBody = (
  maxBytes: number,
  onError: (c: Context) => Response = payloadTooLarge(maxBytes),
): MiddlewareHandler => bodyLimit({ maxSize: maxBytes, onError });

/** `MAX_JSON_BODY_BYTES` for every request but those `hasOwnLimit` names, whose route enforces a limit of its own. */
export const defaultBodyLimit = (hasOwnLimit: (c: Context) => boolean = () => false): MiddlewareHandler => {
  const limit = limitBody(MAX_JSON_BODY_BYTES);
  return (c, next) => (hasOwnLimit(c) ? next() : limit(c, next));
};
