import type { BusinessLine } from '../../../domain/organisation/organisation.ts';
import type {
  ChannelMedia,
  InboundFile,
  MediaDownloadFailure,
  MediaSink,
} from '../../../application/ports/channel-media.ts';
import type { Clock } from '../../../application/ports/clock.ts';
import type { InboundEnvelope, StatusEnvelope } from '../../../application/ports/inbound.ts';
import type { MessageGateway, SendFailure, SendRequest } from '../../../application/ports/message-gateway.ts';
import { parsePhoneE164, type PhoneE164 } from '../../../domain/contact/phone.ts';
import type { InboundContent } from '../../../domain/messaging/message.ts';
import type { SendFailureReason } from '../../../domain/messaging/delivery-status.ts';
import { asId, type MediaId, type WaMessageId } from '../../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import { FakeLead } from './fake-lead.ts';
import { HeldMedia } from './held-media.ts';
import { PhoneLog } from './phone-log.ts';
import { businessMessage, leadMessage } from './phone-message.ts';
import { ScriptedFailures } from './scripted-failures.ts';
import type { SentMessage } from './sent-message.ts';

/** The phone-number id of the fake WhatsApp's line when no Meta line is configured. */
export const FAKE_PHONE_NUMBER_ID = '100000000000001';

export type FakeWhatsAppOptions = {
  readonly clock: Clock;
  /** How inbound messages reach the application (wired to the use case that handles webhooks). */
  readonly deliver: (envelope: InboundEnvelope) => Promise<void>;
  /** The line fake leads write to. */
  readonly phoneNumberId: string;
  /** How delivery receipts reach the application. */
  readonly onStatus?: (status: StatusEnvelope) => Promise<void>;
  /**
   * Names this process in the ids it makes up: Meta's ids are unique worldwide, so several app
   * instances sharing a database must never make the same one.
   */
  readonly instance?: string;
};

const toPhone = (phone: string): PhoneE164 => {
  const parsed = parsePhoneE164(phone);
  // A malformed number here is a mistake in the test or simulator script, not a domain case.
  if (!parsed.ok) throw new Error(`fake WhatsApp: "${phone}" is not a phone number`);
  return parsed.value;
};

/**
 * WhatsApp without Meta, for tests and the QA simulator: records what the application sends,
 * fails on cue, and plays leads writing in and the receipts Meta would report.
 */
export class FakeWhatsApp implements MessageGateway, ChannelMedia {
  readonly #options: FakeWhatsAppOptions;
  readonly #prefix: string;
  readonly #sent: SentMessage[] = [];
  readonly #failures = new ScriptedFailures();
  readonly #read: WaMessageId[] = [];
  readonly #typing: WaMessageId[] = [];
  #outCount = 0;
  #inCount = 0;
  /** What each phone shows: every message in and out, with its ticks. */
  readonly phones = new PhoneLog();
  /** The files leads sent, until the application downloads them (and after: the lead's phone keeps them). */
  readonly media = new HeldMedia();

  constructor(options: FakeWhatsAppOptions) {
    this.#options = options;
    this.#prefix = options.instance === undefined ? '' : `${options.instance}.`;
  }

  async send(request: SendRequest): Promise<Result<{ readonly waMessageId: WaMessageId }, SendFailure>> {
    const failure = this.#failures.for(request);
    if (failure !== undefined) return err(failure);
    const waMessageId = asId<WaMessageId>(`wamid.fake.${this.#prefix}${++this.#outCount}`);
    const { line, to, content } = request;
    const sent: SentMessage = {
      waMessageId,
      phoneNumberId: line.phoneNumberId,
      to,
      content,
      at: this.#options.clock.now(),
    };
    this.#sent.push(sent);
    if (to.phone !== null) this.phones.add(to.phone, null, businessMessage(sent));
    return ok({ waMessageId });
  }

  async markRead(_line: BusinessLine, waMessageId: WaMessageId): Promise<void> {
    this.#read.push(waMessageId);
    this.phones.readUpTo(waMessageId);
  }

  /** Like Meta, the indicator marks the message read too (blue ticks on the phone); `markedRead` keeps only reads. */
  async showTyping(_line: BusinessLine, waMessageId: WaMessageId): Promise<void> {
    this.#typing.push(waMessageId);
    this.phones.readUpTo(waMessageId);
  }

  /** Inbound messages the bot showed "escribiendo…" for (each also shown read on the phone), oldest first. */
  get typingShown(): readonly WaMessageId[] {
    return [...this.#typing];
  }

  /** Inbound messages the application marked as read (blue ticks), oldest first. */
  get markedRead(): readonly WaMessageId[] {
    return [...this.#read];
  }

  /** The next `count` sends fail with `failure`, before any predicate is consulted. */
  failNextSends(count: number, failure: SendFailure): void {
    this.#failures.failNext(count, failure);
  }

  /** Every send matching `predicate` fails with `failure` until `clearFailures()`. */
  failSendsWhen(predicate: (request: SendRequest) => boolean, failure: SendFailure): void {
    this.#failures.failWhen(predicate, failure);
  }

  clearFailures(): void {
    this.#failures.clear();
  }

  /** Every message accepted so far, oldest first. */
  get sent(): readonly SentMessage[] {
    return [...this.#sent];
  }

  sentTo(phone: string): SentMessage[] {
    const to = toPhone(phone);
    return this.#sent.filter((m) => m.to.phone === to);
  }

  /** Forgets what was sent and every scripted failure; ids keep counting so none is ever reused. */
  reset(): void {
    this.#sent.length = 0;
    this.clearFailures();
  }

  lead(phone: string, profileName?: string): FakeLead {
    return new FakeLead(this, toPhone(phone), profileName ?? null);
  }

  /** Delivers a message from this phone to the configured line, with a fresh Meta id, sent now. */
  async deliverFrom(phone: PhoneE164, profileName: string | null, content: InboundContent): Promise<InboundEnvelope> {
    if (content.kind === 'media') {
      // What WhatsApp would hold for this file: a few bytes of the right type.
      const bytes = new TextEncoder().encode(`fake ${content.mediaKind} ${content.waMediaId}`);
      this.media.hold(content.waMediaId, { bytes, mimeType: content.mimeType, filename: content.filename ?? null });
    }
    const envelope: InboundEnvelope = {
      phoneNumberId: this.#options.phoneNumberId,
      waMessageId: asId<WaMessageId>(`wamid.in.${this.#prefix}${++this.#inCount}`),
      from: { phone, userId: null },
      profileName,
      sentAt: this.#options.clock.now(),
      content,
    };
    this.recordInbound(envelope);
    await this.#options.deliver(envelope);
    return envelope;
  }

  /** Injects any envelope as is: redeliveries, other lines, users known only by their user id. */
  async deliverRaw(envelope: InboundEnvelope): Promise<void> {
    await this.#options.deliver(envelope);
  }

  /** Shows a message on its sender's phone, for messages that reach the app another way (the HTTP entry point). */
  recordInbound(envelope: InboundEnvelope): void {
    if (envelope.from.phone !== null) this.phones.add(envelope.from.phone, envelope.profileName, leadMessage(envelope));
  }

  /** The file a lead sent, as WhatsApp hands it over; scripted failures first. */
  async download(
    _line: BusinessLine,
    file: InboundFile,
    sink: MediaSink,
  ): Promise<Result<MediaId, MediaDownloadFailure>> {
    return this.media.download(file, sink);
  }

  /** The next `count` downloads fail with `failure` (e.g. a passing 503). */
  failNextDownloads(count: number, failure: MediaDownloadFailure): void {
    this.media.failNextDownloads(count, failure);
  }

  newMediaId(): string {
    return this.media.newId();
  }

  /** Plays Meta's receipt for a sent message (`sent`, `delivered`, `read`, `played` or `failed`). */
  async reportStatus(
    waMessageId: WaMessageId,
    status: StatusEnvelope['status'],
    failure?: SendFailureReason,
  ): Promise<void> {
    const onStatus = this.#options.onStatus;
    if (onStatus === undefined) throw new Error('fake WhatsApp: reportStatus needs `onStatus` in the constructor');
    await onStatus({ waMessageId, status, at: this.#options.clock.now(), failure: failure ?? null });
    if (status === 'delivered') this.phones.advance(waMessageId, 'delivered');
    if (status === 'read' || status === 'played') this.phones.advance(waMessageId, 'read');
  }
}
