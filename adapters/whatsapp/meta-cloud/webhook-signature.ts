import { createHmac, timingSafeEqual } from 'node:crypto';

const HEADER = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>`: the HMAC-SHA256 of the exact bytes received, keyed with
 * the app secret. Re-serialised JSON would not match (Meta escapes non-ASCII as `\uXXXX`), so only raw bytes
 * go in. False for a missing or malformed header, and always false for an empty secret (fail closed).
 * See adapters/whatsapp/meta-cloud/README.md §F2.
 */
export const verifySignature = (appSecret: string, rawBody: Uint8Array, header: string | undefined): boolean => {
  if (appSecret === '' || header === undefined) return false;
  const hex = HEADER.exec(header.trim())?.[1];
  if (hex === undefined) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // Both sides are 32 bytes here, as timingSafeEqual requires.
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
};
