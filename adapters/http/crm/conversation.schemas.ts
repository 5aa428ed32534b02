import { z } from '@hono/zod-openapi';
import { WindowSchema } from './leads.schemas.ts';

const STATUSES = ['queued', 'sent', 'delivered', 'read', 'played', 'failed'] as const;

export const MessageSchema = z
  .object({
    id: z.string().openapi({ example: 'msg-12' }),
    conversationId: z.string(),
    visitId: z.string().nullable().openapi({ example: 'visit-1' }),
    direction: z.enum(['inbound', 'outbound']),
    text: z
      .string()
      .nullable()
      .openapi({ description: 'What the bubble shows (a template’s rendered text, a caption…)' }),
    content: z.object({ kind: z.string() }).loose().openapi({ description: 'The message as stored, by `kind`' }),
    status: z
      .enum(STATUSES)
      .nullable()
      .openapi({ description: 'Delivery status of outbound messages; null for inbound' }),
    failure: z.object({ code: z.string(), title: z.string() }).nullable(),
    author: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('bot') }),
      z.object({ kind: z.literal('user'), userId: z.string() }),
      z.object({ kind: z.literal('lead') }),
    ]),
    createdAt: z.iso.datetime(),
  })
  .openapi('Message');

const MessageReferenceSchema = z
  .object({
    messageId: z.string().nullable().openapi({ description: 'Our id; null when we do not hold that message' }),
    waMessageId: z.string().openapi({ example: 'wamid.HBgL…' }),
    text: z.string().nullable().openapi({ description: 'What that message’s bubble shows, when known' }),
  })
  .openapi('MessageReference');

export const ConversationSchema = z
  .object({
    messages: z.array(
      MessageSchema.extend({
        position: z.number().int().openapi({ description: 'Place in the lead’s history' }),
        replyTo: MessageReferenceSchema.nullable().openapi({
          description: 'The message a quoted reply answers (WhatsApp’s reply to an older message); null: none',
        }),
        reactsTo: MessageReferenceSchema.nullable().openapi({
          description: 'The message a reaction reacts to; null for anything but a reaction',
        }),
      }),
    ),
    nextCursor: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for older messages; null at the first one' }),
    window: WindowSchema,
  })
  .openapi('Conversation');

export const ConversationQuery = z.object({
  visitId: z.string().optional().openapi({ example: 'visit-1' }),
  cursor: z.coerce.number().int().min(0).optional().openapi({ description: 'Messages before this position' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const base = {
  visitId: z.string().min(1).optional().openapi({ description: 'File under this visit; by default the most recent' }),
};

const TextBody = z.object({
  kind: z.literal('text'),
  body: z.string().min(1).max(4096).openapi({ example: '¡Hola María! 😊' }),
  previewUrl: z.boolean().optional(),
  ...base,
});

const TemplateBody = z.object({
  kind: z.literal('template'),
  name: z.string().min(1).openapi({ example: 'bienvenida' }),
  language: z.string().min(2).openapi({ example: 'es_CO' }),
  parameters: z
    .array(z.string().min(1))
    .default([])
    .openapi({ example: ['María', 'Ana'] }),
  header: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('text'), text: z.string().min(1) }),
      z.object({
        kind: z.literal('media'),
        mediaKind: z.enum(['image', 'document', 'video']),
        mediaId: z.string().min(1),
        mimeType: z.string().min(3),
        filename: z.string().optional(),
      }),
    ])
    .optional(),
  buttons: z
    .array(
      z.object({
        index: z.number().int().min(0),
        subType: z.enum(['url', 'quick_reply']),
        parameter: z.string().min(1),
      }),
    )
    .optional(),
  ...base,
});

const MediaBody = z.object({
  kind: z.literal('media'),
  mediaKind: z.enum(['image', 'document', 'audio', 'video']),
  mediaId: z.string().min(1).openapi({ example: 'media-3' }),
  mimeType: z.string().min(3).openapi({ example: 'application/pdf' }),
  filename: z.string().min(1).optional().openapi({ example: 'brochure.pdf' }),
  caption: z.string().max(1024).optional(),
  ...base,
});

const VoiceBody = z.object({
  kind: z.literal('voice'),
  mediaId: z.string().min(1).openapi({ description: 'An uploaded OGG/Opus recording' }),
  ...base,
});

export const SendMessageBody = z
  .discriminatedUnion('kind', [TextBody, TemplateBody, MediaBody, VoiceBody])
  .openapi('SendMessage', {
    example: { kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['María', 'Ana'] },
  });

export type SendMessageBody = z.infer<typeof SendMessageBody>;

export const MarkedReadSchema = z
  .object({
    marked: z.number().int().min(0).openapi({ description: 'Read receipts sent (one per line the lead wrote to).' }),
  })
  .openapi('MarkedRead');
