import type { PhoneEvent, PhoneRecord } from './fake-phone.port.ts';
import type { PhoneMessageJson } from './fake-phone.schemas.ts';

export const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** Where a phone message's file is served. */
export const mediaPath = (phone: string, waMessageId: string): string =>
  `/fake-whatsapp/phones/${encodeURIComponent(phone)}/messages/${encodeURIComponent(waMessageId)}/media`;

/** Only the contract's fields, in its order (the record may carry more, such as where a file lives). */
export const phoneMessageJson = (phone: string, m: PhoneRecord): PhoneMessageJson => ({
  waMessageId: m.waMessageId,
  from: m.from,
  at: iso(m.at),
  kind: m.kind,
  text: m.text,
  header: m.header,
  footer: m.footer,
  buttons: m.buttons.map(({ id, title }) => ({ id, title })),
  list:
    m.list === null
      ? null
      : {
          button: m.list.button,
          sections: m.list.sections.map(({ title, rows }) => ({
            title,
            rows: rows.map(({ id, title, description }) => ({ id, title, description })),
          })),
        },
  template: m.template === null ? null : { name: m.template.name, language: m.template.language },
  media:
    m.media === null
      ? null
      : {
          kind: m.media.kind,
          mimeType: m.media.mimeType,
          filename: m.media.filename,
          caption: m.media.caption,
          voice: m.media.voice,
          url: mediaPath(phone, m.waMessageId),
        },
  choice: m.choice === null ? null : { id: m.choice.id, title: m.choice.title },
  status: m.status,
});

/** The version of every `/fake-whatsapp/events` payload. */
export const PHONE_EVENT_PAYLOAD_VERSION = 1;

/** The `data` of one `/fake-whatsapp/events` event: the phone, and its message as the phone shows it. */
export const phoneEventPayload = (event: Exclude<PhoneEvent, { readonly type: 'closed' }>) => ({
  v: PHONE_EVENT_PAYLOAD_VERSION,
  phone: event.phone,
  message: phoneMessageJson(event.phone, event.message),
});
