import type { InboundEnvelope } from '../../../application/ports/inbound.ts';
import type { PhoneE164 } from '../../../domain/contact/phone.ts';
import type { InboundContent } from '../../../domain/messaging/message.ts';
import type { Choice } from '../../../domain/messaging/outbound.ts';
import { choicesOf, textOf, type SentMessage } from './sent-message.ts';

/** What a FakeLead needs from the fake WhatsApp: a way in, and the messages it was sent. */
export type LeadChannel = {
  deliverFrom(phone: PhoneE164, profileName: string | null, content: InboundContent): Promise<InboundEnvelope>;
  sentTo(phone: string): SentMessage[];
  /** A media id never handed out before, as Meta gives for each upload. */
  newMediaId(): string;
};

const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const mimeTypeOf = (filename: string): string =>
  DOCUMENT_TYPES[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/** Plays one person writing from their phone; every action resolves once the application has handled it. */
export class FakeLead {
  readonly phone: PhoneE164;
  readonly #profileName: string | null;
  readonly #channel: LeadChannel;

  constructor(channel: LeadChannel, phone: PhoneE164, profileName: string | null) {
    this.#channel = channel;
    this.phone = phone;
    this.#profileName = profileName;
  }

  say(text: string): Promise<InboundEnvelope> {
    return this.#send({ kind: 'text', body: text });
  }

  /**
   * Taps a button or list row, by id or title (any case), on the most recent message offering it.
   * Throws when nothing offers it: the test expected a question the application did not ask.
   */
  async tap(titleOrId: string): Promise<InboundEnvelope> {
    const choice = this.#find(titleOrId);
    return this.#send({ kind: 'choice', id: choice.id, title: choice.title });
  }

  sendImage(caption?: string): Promise<InboundEnvelope> {
    const media = { kind: 'media', mediaKind: 'image', waMediaId: this.#mediaId(), mimeType: 'image/jpeg' } as const;
    return this.#send(caption === undefined ? media : { ...media, caption });
  }

  sendVoiceNote(): Promise<InboundEnvelope> {
    const mimeType = 'audio/ogg; codecs=opus';
    return this.#send({ kind: 'media', mediaKind: 'audio', waMediaId: this.#mediaId(), mimeType, voice: true });
  }

  sendDocument(filename: string): Promise<InboundEnvelope> {
    const mimeType = mimeTypeOf(filename);
    return this.#send({ kind: 'media', mediaKind: 'document', waMediaId: this.#mediaId(), mimeType, filename });
  }

  sendLocation(latitude: number, longitude: number): Promise<InboundEnvelope> {
    return this.#send({ kind: 'location', latitude, longitude });
  }

  react(emoji: string, toWaMessageId: string): Promise<InboundEnvelope> {
    return this.#send({ kind: 'reaction', emoji, toWaMessageId });
  }

  /** A message type the application cannot read (Meta reports it as `unsupported`, or as an unknown type). */
  sendUnsupported(type: string): Promise<InboundEnvelope> {
    return this.#send({ kind: 'unsupported', type });
  }

  /** Everything sent to this phone, oldest first. */
  inbox(): SentMessage[] {
    return this.#channel.sentTo(this.phone);
  }

  lastMessage(): SentMessage | null {
    return this.inbox().at(-1) ?? null;
  }

  /** The text of the last message that has one (text, buttons, list, template), or `null`. */
  lastText(): string | null {
    const texts = this.inbox().flatMap((m) => textOf(m.content) ?? []);
    return texts.at(-1) ?? null;
  }

  #send(content: InboundContent): Promise<InboundEnvelope> {
    return this.#channel.deliverFrom(this.phone, this.#profileName, content);
  }

  #mediaId(): string {
    return this.#channel.newMediaId();
  }

  #find(titleOrId: string): Choice {
    const wanted = titleOrId.toLowerCase();
    const interactive = this.inbox().filter((m) => choicesOf(m.content).length > 0);
    for (const message of [...interactive].reverse()) {
      const choices = choicesOf(message.content);
      const found = choices.find((c) => c.id === titleOrId) ?? choices.find((c) => c.title.toLowerCase() === wanted);
      if (found !== undefined) return found;
    }
    throw new Error(noChoiceMessage(this.phone, titleOrId, interactive));
  }
}

const noChoiceMessage = (phone: string, titleOrId: string, interactive: readonly SentMessage[]): string => {
  const last = interactive.at(-1);
  if (last === undefined) return `${phone} cannot tap "${titleOrId}": no buttons or list were sent to it`;
  const options = choicesOf(last.content)
    .map((c) => `"${c.title}" (${c.id})`)
    .join(', ');
  return `${phone} cannot tap "${titleOrId}": no message offers it; the last one offered ${options}`;
};
