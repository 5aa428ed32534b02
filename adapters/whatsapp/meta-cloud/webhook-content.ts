import { z } from 'zod';
import { parseMimeType } from '../../../domain/media/mime-type.ts';
import type { InboundContent, InboundMediaKind } from '../../../domain/messaging/message.ts';

const Text = z.object({ body: z.string() });
const Reply = z.object({ id: z.string().min(1), title: z.string() });
const Interactive = z.object({
  type: z.string().min(1),
  button_reply: Reply.optional(),
  list_reply: Reply.optional(),
});
/** A tap on a template's quick-reply button: not an `interactive` message. */
const TemplateButton = z.object({ text: z.string(), payload: z.string().min(1).optional() });
const Media = z.object({
  id: z.string().min(1),
  mime_type: z.string().min(1).optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  voice: z.boolean().optional(),
});
const Location = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  name: z.string().optional(),
  address: z.string().optional(),
});
/** An absent or empty emoji means the reaction was removed. */
const Reaction = z.object({ message_id: z.string().min(1), emoji: z.string().optional() });
const Unsupported = z.object({ type: z.string().min(1) });

type Parse = (payload: unknown) => InboundContent | null;

const via =
  <T>(schema: z.ZodType<T>, map: (value: T) => InboundContent): Parse =>
  (payload) => {
    const parsed = schema.safeParse(payload);
    return parsed.success ? map(parsed.data) : null;
  };

const unsupported = (type: string): InboundContent => ({ kind: 'unsupported', type });

const interactive = via(Interactive, (i): InboundContent => {
  const reply = i.type === 'button_reply' ? i.button_reply : i.type === 'list_reply' ? i.list_reply : undefined;
  // Flows (nfm_reply) and any future kind: the bot cannot read them, so it answers politely.
  return reply === undefined
    ? unsupported(`interactive.${i.type}`)
    : { kind: 'choice', id: reply.id, title: reply.title };
});

const UNKNOWN_TYPE = 'application/octet-stream';
/** Canonical, or the neutral type when Meta's is absent or is not one (it is stored and shown, and may end in a header). */
const mimeTypeOf = (raw: string | undefined): string => {
  const parsed = raw === undefined ? null : parseMimeType(raw);
  return parsed?.ok === true ? parsed.value.text : UNKNOWN_TYPE;
};

const media = (mediaKind: InboundMediaKind): Parse =>
  via(Media, (m) => ({
    kind: 'media',
    mediaKind,
    waMediaId: m.id,
    mimeType: mimeTypeOf(m.mime_type),
    ...(m.caption === undefined ? {} : { caption: m.caption }),
    ...(m.filename === undefined ? {} : { filename: m.filename }),
    ...(mediaKind === 'audio' ? { voice: m.voice === true } : {}),
  }));

const PARSERS: ReadonlyMap<string, Parse> = new Map<string, Parse>([
  ['text', via(Text, (t) => ({ kind: 'text', body: t.body }))],
  ['interactive', interactive],
  ['button', via(TemplateButton, (b) => ({ kind: 'choice', id: b.payload ?? b.text, title: b.text }))],
  ['image', media('image')],
  ['audio', media('audio')],
  ['video', media('video')],
  ['document', media('document')],
  ['sticker', media('sticker')],
  [
    'location',
    via(Location, ({ latitude, longitude, name, address }) => ({
      kind: 'location',
      latitude,
      longitude,
      ...(name === undefined ? {} : { name }),
      ...(address === undefined ? {} : { address }),
    })),
  ],
  ['reaction', via(Reaction, (r) => ({ kind: 'reaction', emoji: r.emoji ?? '', toWaMessageId: r.message_id }))],
]);

/**
 * What the lead sent, from a message's `type` and the payload Meta names after it (`message[type]`).
 * Shared contact cards, orders, system notices, unknown types and malformed payloads all become `unsupported`
 * (the bot answers politely; nothing is lost because the inbox keeps the message). For Meta's own
 * `unsupported` type the inner type (`poll_creation`, `gif`, …) is reported.
 */
export const toContent = (type: string, message: Readonly<Record<string, unknown>>): InboundContent => {
  const payload = Object.hasOwn(message, type) ? message[type] : undefined;
  const content = PARSERS.get(type)?.(payload);
  if (content !== null && content !== undefined) return content;
  if (type === 'unsupported') {
    const inner = Unsupported.safeParse(payload);
    if (inner.success) return unsupported(inner.data.type);
  }
  return unsupported(type);
};
