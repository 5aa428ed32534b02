import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { ClientIp } from './client-ip.ts';
import type { HttpHandler } from './create-router.ts';
import { problem } from './problem.ts';
import { rateLimited, type RequestLimit } from './request-limits.ts';
import type * as routes from './webhook.routes.ts';

/** What a channel's webhook made of a signed body. */
export type WebhookAcceptance =
  | { kind: 'stored'; messages: number; statuses: number; templateUpdates: number; skipped?: number }
  | { kind: 'invalid'; reason: string };

/** A WhatsApp channel's webhook, as the HTTP adapter sees it (bootstrap passes Meta's). */
export type WebhookPort = {
  /** For the GET handshake. */
  readonly verifyToken: string;
  /** Verifies X-Hub-Signature-256 over the raw bytes; constant-time. */
  verifySignature(rawBody: Uint8Array, header: string | undefined): boolean;
  /** Parses and stores; `invalid` when the JSON or envelope is wrong (nothing stored). Throws only on outages. */
  accept(rawBody: Uint8Array): Promise<WebhookAcceptance>;
  /** Larger bodies are refused unread (Meta's maximum is 3 MB). */
  readonly maxBodyBytes: number;
};

export type WebhookLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
};

/** Counts webhooks with a bad signature per client address; Meta's good signatures never touch it. */
export type WebhookGuard = { readonly badSignatures: Pick<RequestLimit, 'count'>; readonly clientIp: ClientIp };

/** What the webhook routes need: the channel's webhook, a logger, and the bad-signature budget when there is one. */
export type WebhookDeps = {
  readonly webhook: WebhookPort;
  readonly logger: WebhookLogger;
  readonly guard?: WebhookGuard | undefined;
};

/** Hashing first gives equal lengths, so the comparison leaks neither content nor length. */
const sameSecret = (given: string, expected: string): boolean =>
  expected !== '' &&
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

/** The body's bytes, or `null` once it exceeds `max` (stops reading: a huge chunked body is never buffered). */
const readCapped = async (request: Request, max: number): Promise<Uint8Array | null> => {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
};

const tooLarge = (c: Context, max: number) =>
  problem(c, 413, 'payload_too_large', 'Payload Too Large', `The webhook body exceeds ${max} bytes.`);

/** 401, or 429 once the address has sent too many bad signatures (it may be guessing the secret). */
const refuseSignature = async (c: Context, logger: WebhookLogger, guard: WebhookGuard | undefined) => {
  const counted = guard === undefined ? null : await guard.badSignatures.count(guard.clientIp(c));
  if (counted !== null && !counted.ok) {
    logger.warn(
      { event: 'whatsapp_webhook_rate_limited', reason: 'invalid_signature' },
      'Too many bad webhook signatures from one address',
    );
    return rateLimited(c, counted.error);
  }
  logger.warn({ event: 'whatsapp_webhook_rejected', reason: 'invalid_signature' }, 'Webhook signature refused');
  return problem(
    c,
    401,
    'invalid_signature',
    'Unauthorized',
    'X-Hub-Signature-256 is missing or does not match the body.',
  );
};

/** `GET /webhooks/whatsapp`: Meta's handshake, the verify token compared in constant time. */
export const verifyWebhook =
  ({ webhook, logger }: WebhookDeps): HttpHandler<typeof routes.verifyWebhookRoute> =>
  (c) => {
    const token = c.req.query('hub.verify_token');
    if (c.req.query('hub.mode') !== 'subscribe' || token === undefined || !sameSecret(token, webhook.verifyToken)) {
      logger.warn({ event: 'whatsapp_webhook_verification_refused' }, 'Webhook handshake refused');
      return problem(c, 403, 'verification_failed', 'Forbidden', 'hub.mode or hub.verify_token is wrong.');
    }
    return c.text(c.req.query('hub.challenge') ?? '', 200);
  };

/** `POST /webhooks/whatsapp`: size, then signature over the raw bytes, then storing — never a 500 on bad input. */
export const receiveWebhook =
  ({ webhook, logger, guard }: WebhookDeps): HttpHandler<typeof routes.receiveWebhookRoute> =>
  async (c) => {
    const declared = Number(c.req.header('content-length'));
    if (declared > webhook.maxBodyBytes) return tooLarge(c, webhook.maxBodyBytes);
    const raw = await readCapped(c.req.raw, webhook.maxBodyBytes).catch(() => undefined);
    if (raw === undefined) return problem(c, 400, 'unreadable_body', 'Bad Request', 'The body could not be read.');
    if (raw === null) return tooLarge(c, webhook.maxBodyBytes);
    if (!webhook.verifySignature(raw, c.req.header('x-hub-signature-256'))) return refuseSignature(c, logger, guard);
    const result = await webhook.accept(raw);
    if (result.kind === 'invalid') {
      logger.warn({ event: 'whatsapp_webhook_invalid', reason: result.reason }, 'Signed webhook could not be read');
      return problem(c, 400, 'invalid_webhook', 'Bad Request', result.reason);
    }
    const { kind: _, ...counts } = result;
    logger.info({ event: 'whatsapp_webhook_received', ...counts }, 'Webhook stored');
    return c.json({ received: true as const }, 200);
  };
