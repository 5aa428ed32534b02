import { waDigits } from '../../../domain/contact/phone.ts';
import type { WaIdentity } from '../../../domain/lead/lead.ts';
import type { ListSection, OutboundContent } from '../../../domain/messaging/outbound.ts';

type Json = Record<string, unknown>;
type MediaContent = Extract<OutboundContent, { kind: 'media' }>;

/** `to` takes the phone's digits; a user known only by Meta's business-scoped id gets `recipient`. */
const recipientFields = (to: WaIdentity): Json => {
  if (to.phone !== null) return { to: waDigits(to.phone) };
  if (to.userId !== null) return { recipient: to.userId };
  throw new Error('a WhatsApp identity needs a phone or a user id');
};

const footer = (text: string | undefined): Json => (text === undefined ? {} : { footer: { text } });

const sections = (list: readonly ListSection[]): Json[] =>
  list.map((s) => ({
    ...(s.title === undefined ? {} : { title: s.title }),
    rows: s.rows.map((r) => ({
      id: r.id,
      title: r.title,
      ...(r.description === undefined ? {} : { description: r.description }),
    })),
  }));

/** Audio takes no caption; only documents carry a file name; `voice` marks a recorded voice note. */
const mediaFields = (content: MediaContent, waMediaId: string): Json => {
  const { mediaKind, caption, filename } = content;
  const object: Json = { id: waMediaId };
  if (caption !== undefined && mediaKind !== 'audio') object['caption'] = caption;
  if (filename !== undefined && mediaKind === 'document') object['filename'] = filename;
  if (content.voice === true && mediaKind === 'audio') object['voice'] = true;
  return { type: mediaKind, [mediaKind]: object };
};

const contentFields = (content: OutboundContent, waMediaId: string | null): Json => {
  switch (content.kind) {
    case 'text':
      return { type: 'text', text: { body: content.body, preview_url: content.previewUrl ?? false } };
    case 'buttons':
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: content.body },
          ...footer(content.footer),
          action: { buttons: content.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
        },
      };
    case 'list':
      return {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: content.body },
          ...footer(content.footer),
          action: { button: content.buttonLabel, sections: sections(content.sections) },
        },
      };
    case 'media':
      if (waMediaId === null) throw new Error('media must be uploaded before it is sent');
      return mediaFields(content, waMediaId);
    case 'template': {
      const components = templateComponents(content, waMediaId);
      return {
        type: 'template',
        template: {
          name: content.name,
          language: { code: content.language },
          ...(components.length === 0 ? {} : { components }),
        },
      };
    }
  }
};

type TemplateContent = Extract<OutboundContent, { kind: 'template' }>;

/** Header, body and button variables as Meta's template `components` (adapters/whatsapp/meta-cloud/README.md §F8). */
const templateComponents = (content: TemplateContent, headerMediaId: string | null): Json[] => {
  const { header, parameters, buttons = [] } = content;
  const headerParameter =
    header === undefined
      ? null
      : header.kind === 'text'
        ? { type: 'text', text: header.text }
        : {
            type: header.mediaKind,
            [header.mediaKind]: {
              id: headerMediaId,
              ...(header.filename === undefined ? {} : { filename: header.filename }),
            },
          };
  return [
    ...(headerParameter === null ? [] : [{ type: 'header', parameters: [headerParameter] }]),
    ...(parameters.length === 0
      ? []
      : [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }]),
    ...buttons.map((b) => ({
      type: 'button',
      sub_type: b.subType,
      index: String(b.index),
      parameters: [
        b.subType === 'url' ? { type: 'text', text: b.parameter } : { type: 'payload', payload: b.parameter },
      ],
    })),
  ];
};

/** The JSON body of `POST /{phone-number-id}/messages` for one message (adapters/whatsapp/meta-cloud/README.md §F8). */
export const messagePayload = (to: WaIdentity, content: OutboundContent, waMediaId: string | null): Json => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  ...recipientFields(to),
  ...contentFields(content, waMediaId),
});
