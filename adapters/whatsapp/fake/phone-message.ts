import type { InboundEnvelope } from '../../../application/ports/inbound.ts';
import type { InboundContent } from '../../../domain/messaging/message.ts';
import type { OutboundContent } from '../../../domain/messaging/outbound.ts';
import type { Instant } from '../../../domain/shared/time.ts';
import { textOf, type SentMessage } from './sent-message.ts';

export type PhoneMessageStatus = 'sent' | 'delivered' | 'read';

/** Where the phone gets a file's bytes: the fake's copy of what the lead sent, or our media store. */
export type PhoneMediaSource =
  | { readonly from: 'lead'; readonly waMediaId: string }
  | { readonly from: 'business'; readonly mediaId: string };

export type PhoneMedia = {
  readonly kind: string;
  readonly mimeType: string;
  readonly filename: string | null;
  readonly caption: string | null;
  readonly voice: boolean;
  readonly source: PhoneMediaSource;
};

/** One message as the lead's phone shows it, whichever side wrote it. */
export type PhoneMessage = {
  readonly waMessageId: string;
  readonly from: 'lead' | 'business';
  readonly at: Instant;
  readonly kind: 'text' | 'buttons' | 'list' | 'template' | 'media' | 'choice';
  readonly text: string | null;
  readonly header: string | null;
  readonly footer: string | null;
  readonly buttons: readonly { readonly id: string; readonly title: string }[];
  readonly list: null | {
    readonly button: string;
    readonly sections: readonly {
      readonly title: string;
      readonly rows: readonly { readonly id: string; readonly title: string; readonly description: string | null }[];
    }[];
  };
  readonly template: null | { readonly name: string; readonly language: string };
  readonly media: PhoneMedia | null;
  readonly choice: null | { readonly id: string; readonly title: string };
  readonly status: PhoneMessageStatus;
};

const BLANK = {
  text: null,
  header: null,
  footer: null,
  buttons: [],
  list: null,
  template: null,
  media: null,
  choice: null,
} as const;

/** What the phone shows for a message the business sent; it starts as `sent` until the phone reports more. */
export const businessMessage = (sent: SentMessage): PhoneMessage => ({
  ...BLANK,
  ...businessParts(sent.content),
  text: textOf(sent.content),
  waMessageId: sent.waMessageId,
  from: 'business',
  at: sent.at,
  status: 'sent',
});

const businessParts = (content: OutboundContent): Partial<PhoneMessage> & Pick<PhoneMessage, 'kind'> => {
  switch (content.kind) {
    case 'text':
      return { kind: 'text' };
    case 'buttons':
      return {
        kind: 'buttons',
        footer: content.footer ?? null,
        buttons: content.buttons.map(({ id, title }) => ({ id, title })),
      };
    case 'list': {
      const sections = content.sections.map((s) => ({
        title: s.title ?? '',
        rows: s.rows.map((r) => ({ id: r.id, title: r.title, description: r.description ?? null })),
      }));
      return { kind: 'list', footer: content.footer ?? null, list: { button: content.buttonLabel, sections } };
    }
    case 'media': {
      const { mediaKind, mimeType, filename, caption, voice, mediaId } = content;
      const source = { from: 'business', mediaId } as const;
      return {
        kind: 'media',
        media: {
          kind: mediaKind,
          mimeType,
          filename: filename ?? null,
          caption: caption ?? null,
          voice: voice ?? false,
          source,
        },
      };
    }
    case 'template': {
      const { header } = content;
      const media: PhoneMedia | null =
        header?.kind === 'media'
          ? {
              kind: header.mediaKind,
              mimeType: header.mimeType,
              filename: header.filename ?? null,
              caption: null,
              voice: false,
              source: { from: 'business', mediaId: header.mediaId },
            }
          : null;
      const text = header?.kind === 'text' ? header.text : null;
      return { kind: 'template', header: text, media, template: { name: content.name, language: content.language } };
    }
  }
};

/** What the lead's own phone shows for a message they sent: delivered to the business until it is read. */
export const leadMessage = (envelope: InboundEnvelope): PhoneMessage => ({
  ...BLANK,
  ...leadParts(envelope.content),
  waMessageId: envelope.waMessageId,
  from: 'lead',
  at: envelope.sentAt,
  status: 'delivered',
});

const leadParts = (content: InboundContent): Partial<PhoneMessage> & Pick<PhoneMessage, 'kind'> => {
  switch (content.kind) {
    case 'text':
      return { kind: 'text', text: content.body };
    case 'choice':
      return { kind: 'choice', text: content.title, choice: { id: content.id, title: content.title } };
    case 'media': {
      const { mediaKind, mimeType, filename, caption, voice, waMediaId } = content;
      const media = {
        kind: mediaKind,
        mimeType,
        filename: filename ?? null,
        caption: caption ?? null,
        voice: voice ?? false,
        source: { from: 'lead', waMediaId },
      } as const;
      return { kind: 'media', media };
    }
    // The simulator cannot send these; tests can (FakeLead), and the phone still shows something.
    case 'location':
      return { kind: 'text', text: `📍 ${content.latitude}, ${content.longitude}` };
    case 'reaction':
      return { kind: 'text', text: content.emoji };
    case 'unsupported':
      return { kind: 'text', text: `(${content.type})` };
  }
};
