import { z } from 'zod';
import type { InboundContent } from '../../../domain/messaging/message.ts';
import type { OutboundContent } from '../../../domain/messaging/outbound.ts';
import type { MediaId } from '../../../domain/shared/ids.ts';
import { branded } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

export const inboundContentSchema: z.ZodType<InboundContent> = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('text'), body: z.string() }),
  z.looseObject({ kind: z.literal('choice'), id: z.string(), title: z.string() }),
  z.looseObject({
    kind: z.literal('media'),
    mediaKind: z.enum(['image', 'audio', 'video', 'document', 'sticker']),
    waMediaId: z.string(),
    mimeType: z.string(),
    caption: z.string().exactOptional(),
    filename: z.string().exactOptional(),
    voice: z.boolean().exactOptional(),
    mediaId: branded<MediaId>().exactOptional(),
    unavailable: z.string().exactOptional(),
  }),
  z.looseObject({
    kind: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().exactOptional(),
    address: z.string().exactOptional(),
  }),
  z.looseObject({ kind: z.literal('reaction'), emoji: z.string(), toWaMessageId: z.string() }),
  z.looseObject({ kind: z.literal('unsupported'), type: z.string() }),
]);

const choice = z.looseObject({ id: z.string(), title: z.string() });

const templateHeader = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('text'), text: z.string() }),
  z.looseObject({
    kind: z.literal('media'),
    mediaKind: z.enum(['image', 'document', 'video']),
    mediaId: branded<MediaId>(),
    mimeType: z.string(),
    filename: z.string().exactOptional(),
  }),
]);

export const outboundContentSchema: z.ZodType<OutboundContent> = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('text'), body: z.string(), previewUrl: z.boolean().exactOptional() }),
  z.looseObject({
    kind: z.literal('buttons'),
    body: z.string(),
    buttons: z.array(choice),
    footer: z.string().exactOptional(),
  }),
  z.looseObject({
    kind: z.literal('list'),
    body: z.string(),
    buttonLabel: z.string(),
    sections: z.array(
      z.looseObject({
        title: z.string().exactOptional(),
        rows: z.array(z.looseObject({ id: z.string(), title: z.string(), description: z.string().exactOptional() })),
      }),
    ),
    footer: z.string().exactOptional(),
  }),
  z.looseObject({
    kind: z.literal('media'),
    mediaKind: z.enum(['image', 'document', 'audio', 'video']),
    mediaId: branded<MediaId>(),
    mimeType: z.string(),
    filename: z.string().exactOptional(),
    caption: z.string().exactOptional(),
    voice: z.boolean().exactOptional(),
  }),
  z.looseObject({
    kind: z.literal('template'),
    name: z.string(),
    language: z.string(),
    parameters: z.array(z.string()),
    header: templateHeader.exactOptional(),
    buttons: z
      .array(z.looseObject({ index: z.number(), subType: z.enum(['url', 'quick_reply']), parameter: z.string() }))
      .exactOptional(),
    renderedText: z.string(),
  }),
]);

/**
 * `messages.content` of an inbound message: what the lead sent. The same column holds outbound content on
 * outbound rows (`outboundContentCodec`); the row's direction says which. Version 1: today's shape in an envelope.
 */
export const inboundContentCodec = versionedCodec<InboundContent>({
  name: 'inbound message content',
  schema: inboundContentSchema,
  upgrades: [sameShape],
});

/** `messages.content` of an outbound message: what we send. Version 1: today's shape in an envelope. */
export const outboundContentCodec = versionedCodec<OutboundContent>({
  name: 'outbound message content',
  schema: outboundContentSchema,
  upgrades: [sameShape],
});
