import { z } from 'zod';
import type { Clock } from '../../../application/ports/clock.ts';
import type { MediaStore } from '../../../application/ports/media-store.ts';
import type { MessageGateway, SendFailure, SendRequest } from '../../../application/ports/message-gateway.ts';
import type { WaIdentity } from '../../../domain/lead/lead.ts';
import type { BusinessLine } from '../../../domain/organisation/organisation.ts';
import { asId, type WaMessageId } from '../../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import { AccessTokenRejected } from './access-token-rejected.ts';
import type { GraphClient } from './graph-client.ts';
import type { GraphFailure } from './graph-errors.ts';
import { MediaUploader } from './media-uploader.ts';
import { messagePayload } from './outbound-payload.ts';
import { ThroughputLimiter } from './throughput-limiter.ts';

export type MetaCloudGatewayOptions = {
  readonly client: GraphClient;
  /** Where the files we send are read from before upload. */
  readonly media: MediaStore;
  /** Shared by everything that sends through the same lines; 80 msg/s and 1 s per recipient otherwise. */
  readonly limiter?: ThroughputLimiter;
  readonly clock?: Clock;
};

const accepted = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const PAIR_RATE = '131056';
/** Not sent: this recipient is still backed off after a pair-rate refusal; Meta was not asked. */
const PAIR_RATE_WAIT = {
  type: 'SendFailed',
  retryable: true,
  code: 'pair_rate_backoff',
  title: 'Waiting after a pair rate limit (131056)',
} as const;

const sendFailure = (failure: GraphFailure): SendFailure => ({ type: 'SendFailed', ...failure });

// The same key the payload addresses: the phone when known, else the business-scoped user id.
const recipientKey = (to: WaIdentity): string => to.phone ?? to.userId ?? '';

/**
 * WhatsApp through Meta's Cloud API. Send failures come back classified; a refused access token
 * throws `AccessTokenRejected` (see there) because it is no single message's fault.
 */
export class MetaCloudGateway implements MessageGateway {
  readonly #client: GraphClient;
  readonly #limiter: ThroughputLimiter;
  readonly #uploader: MediaUploader;

  constructor(options: MetaCloudGatewayOptions) {
    this.#client = options.client;
    this.#limiter = options.limiter ?? new ThroughputLimiter();
    this.#uploader = new MediaUploader(options.client, options.media, options.clock ?? { now: () => Date.now() });
  }

  async send({ line, to, content }: SendRequest): Promise<Result<{ readonly waMessageId: WaMessageId }, SendFailure>> {
    const recipient = recipientKey(to);
    const backoff = this.#limiter.backoffRemaining(line.phoneNumberId, recipient);
    if (backoff > 0) return err({ ...PAIR_RATE_WAIT, retryAfterMs: backoff });
    const file =
      content.kind === 'media'
        ? content
        : content.kind === 'template' && content.header?.kind === 'media'
          ? content.header
          : null;
    const upload = file === null ? null : await this.#uploader.upload(line, file);
    if (upload !== null && !upload.ok) return err(sendFailure(upload.error));
    const json = messagePayload(to, content, upload?.value ?? null);
    const answer = await this.#client.json({ method: 'POST', url: this.#messagesUrl(line), json }, () =>
      this.#limiter.acquire(line.phoneNumberId, recipient),
    );
    if (!answer.ok) return err(this.#refused(line, recipient, answer.error));
    const parsed = accepted.safeParse(answer.value);
    // Meta may have taken the message: sending it again could deliver it twice.
    if (!parsed.success)
      return err({
        type: 'SendFailed',
        retryable: false,
        code: 'unexpected_response',
        title: 'Send answer without a message id',
      });
    this.#limiter.accepted(line.phoneNumberId, recipient);
    return ok({ waMessageId: asId<WaMessageId>(parsed.data.messages[0]?.id ?? '') });
  }

  /** Best effort: a refusal, an outage or even a refused token is swallowed (the next send reports that loudly). */
  async markRead(line: BusinessLine, waMessageId: WaMessageId): Promise<void> {
    await this.#read(line, { messaging_product: 'whatsapp', status: 'read', message_id: waMessageId });
  }

  /** Mark-as-read with `typing_indicator` (adapters/whatsapp/meta-cloud/README.md §F19); best effort like `markRead`. */
  async showTyping(line: BusinessLine, waMessageId: WaMessageId): Promise<void> {
    await this.#read(line, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: waMessageId,
      typing_indicator: { type: 'text' },
    });
  }

  async #read(line: BusinessLine, json: Record<string, unknown>): Promise<void> {
    try {
      await this.#client.json({ method: 'POST', url: this.#messagesUrl(line), json });
    } catch (error) {
      if (!(error instanceof AccessTokenRejected)) throw error;
    }
  }

  #messagesUrl(line: BusinessLine): string {
    return this.#client.url(`${line.phoneNumberId}/messages`);
  }

  /** A pair-rate refusal also slows this recipient down, longer after each one in a row. */
  #refused(line: BusinessLine, recipient: string, failure: GraphFailure): SendFailure {
    if (failure.code !== PAIR_RATE) return sendFailure(failure);
    const backoff = this.#limiter.pairRateHit(line.phoneNumberId, recipient);
    return sendFailure({ ...failure, retryAfterMs: Math.max(backoff, failure.retryAfterMs ?? 0) });
  }
}
