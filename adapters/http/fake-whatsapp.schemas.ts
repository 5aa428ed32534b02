import { z } from '@hono/zod-openapi';

/** An E.164 phone number, as the fake's phones are named in bodies and paths. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
export const E164_MESSAGE = 'an E.164 phone number such as +573001234567';

/** The largest file a lead may send through the fake (WhatsApp's own limit for most media). */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;
const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
/** The whole request: the file in base64 plus room for the rest of the JSON. */
export const MAX_INBOUND_BODY_BYTES = base64Length(MAX_MEDIA_BYTES) + 64 * 1024;

const InboundMedia = z
  .object({
    kind: z.enum(['image', 'audio', 'document', 'video']),
    mimeType: z
      .string()
      .max(200)
      .regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, 'a MIME type such as image/jpeg')
      .openapi({ example: 'image/jpeg' }),
    filename: z.string().min(1).max(240).optional().openapi({ example: 'fachada.jpg' }),
    caption: z.string().max(1024).optional(),
    /** A recorded voice note rather than an attached audio file. */
    voice: z.boolean().optional(),
    dataBase64: z
      .base64('the file as standard base64')
      .min(4, 'the file is empty')
      .max(base64Length(MAX_MEDIA_BYTES), `the file is larger than ${MAX_MEDIA_BYTES / 1024 / 1024} MB`),
  })
  .refine((m) => m.voice !== true || m.kind === 'audio', { message: 'only audio can be a voice note', path: ['voice'] })
  .refine((m) => m.kind !== 'audio' || m.caption === undefined, {
    message: 'audio takes no caption',
    path: ['caption'],
  });

const optionalText = (example: string) => z.string().min(1).max(2000).optional().openapi({ example });

/** What Meta's `referral` says about the ad the lead tapped (see adapters/whatsapp/meta-cloud/README.md §F18). */
const FakeReferral = z
  .object({
    sourceType: z.enum(['ad', 'post']).default('ad').openapi({ example: 'ad' }),
    sourceId: optionalText('120210000000000'),
    sourceUrl: z.url().max(2000).optional().openapi({ example: 'https://example.com/anuncio' }),
    headline: optionalText('Apartamentos en Medellín desde $250 millones'),
    body: optionalText('Separa tu apartamento con el 1 %.'),
    mediaType: z.enum(['image', 'video']).optional(),
    ctwaClid: optionalText(
      'ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a',
    ),
  })
  .openapi('FakeReferral', {
    description: 'Plays a Click-to-WhatsApp ad: the message arrives as written from this ad or post.',
  });

export const FakeInboundBody = z
  .object({
    from: z.string().regex(E164_PATTERN, E164_MESSAGE).openapi({ example: '+573001234567' }),
    name: z.string().max(200).optional().openapi({ example: 'María Pérez' }),
    text: z.string().min(1).max(4096).optional().openapi({ example: 'Hola' }),
    choice: z.object({ id: z.string().min(1).max(200), title: z.string().max(24) }).optional(),
    media: InboundMedia.optional(),
    referral: FakeReferral.optional(),
    replyTo: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Plays a quoted reply: Meta’s id of the message the lead replies to.' }),
    /** Reuse an id to play Meta redelivering the same message. */
    waMessageId: z.string().min(1).max(200).optional(),
  })
  .refine((b) => [b.text, b.choice, b.media].filter((part) => part !== undefined).length === 1, {
    message: 'send exactly one of text, choice or media',
  });

export type FakeInbound = z.infer<typeof FakeInboundBody>;
