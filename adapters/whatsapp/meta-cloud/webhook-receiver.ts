import type { Instant } from '../../../domain/shared/time.ts';
import { parseWebhook, type ParsedWebhook } from './webhook-payload.ts';
import { verifySignature } from './webhook-signature.ts';
import { toStorableText } from '../../../domain/shared/storable-text.ts';

/** Meta's largest webhook payload (adapters/whatsapp/meta-cloud/README.md §F6). */
export const META_MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

export type WebhookReceiverOptions = {
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly now: () => Instant;
  /** Stores what the webhook reported (inbox, templates); must finish before Meta gets its 200. */
  readonly store: (parsed: ParsedWebhook) => Promise<void>;
  readonly maxBodyBytes?: number;
};

export type WebhookAcceptance =
  | {
      readonly kind: 'stored';
      readonly messages: number;
      readonly statuses: number;
      readonly templateUpdates: number;
      readonly skipped: number;
    }
  | { readonly kind: 'invalid'; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON may escape NUL (`\u0000`) and lone surrogates (`\ud800`), which PostgreSQL's text and jsonb refuse:
 * storing such a message failed, so the webhook got a 500 and Meta would redeliver it for days.
 */
const storable = (_key: string, value: unknown): unknown => (typeof value === 'string' ? toStorableText(value) : value);

const decodeJson = (raw: Uint8Array): { ok: true; json: unknown } | { ok: false } => {
  try {
    return { ok: true, json: JSON.parse(utf8.decode(raw), storable) };
  } catch {
    return { ok: false };
  }
};

/**
 * Meta's side of the HTTP webhook port (bootstrap hands it to the HTTP app): signature check with the app
 * secret, then parse and store. Throws only when `store` does, so Meta retries what we could not keep.
 */
export const createWebhookReceiver = (options: WebhookReceiverOptions) => ({
  verifyToken: options.verifyToken,
  maxBodyBytes: options.maxBodyBytes ?? META_MAX_WEBHOOK_BYTES,
  verifySignature: (rawBody: Uint8Array, header: string | undefined): boolean =>
    verifySignature(options.appSecret, rawBody, header),
  accept: async (rawBody: Uint8Array): Promise<WebhookAcceptance> => {
    const decoded = decodeJson(rawBody);
    if (!decoded.ok) return { kind: 'invalid', reason: 'the body is not UTF-8 JSON' };
    const parsed = parseWebhook(decoded.json, options.now());
    if (!parsed.ok) return { kind: 'invalid', reason: parsed.error };
    await options.store(parsed.value);
    const messages = parsed.value.entries.filter((e) => e.kind === 'message').length;
    return {
      kind: 'stored',
      messages,
      statuses: parsed.value.entries.length - messages,
      templateUpdates: parsed.value.templateUpdates.length,
      skipped: parsed.value.skipped,
    };
  },
});
