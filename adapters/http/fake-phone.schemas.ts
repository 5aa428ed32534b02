import { z } from '@hono/zod-openapi';
import { E164_MESSAGE, E164_PATTERN } from './fake-whatsapp.schemas.ts';

export const phoneParam = z
  .string()
  .regex(E164_PATTERN, E164_MESSAGE)
  .openapi({
    param: { name: 'phone', in: 'path' },
    example: '+573001234567',
    description: 'URL-encoded: %2B573001234567',
  });

const Choice = z.object({ id: z.string(), title: z.string() });

export const PhoneMessageSchema = z
  .object({
    waMessageId: z.string(),
    from: z.enum(['lead', 'business']),
    at: z.string().openapi({ format: 'date-time' }),
    kind: z.enum(['text', 'buttons', 'list', 'template', 'media', 'choice']),
    text: z
      .string()
      .nullable()
      .openapi({ description: 'What the bubble shows (a template rendered; a tap, its title)' }),
    header: z.string().nullable(),
    footer: z.string().nullable(),
    buttons: z.array(Choice).openapi({ description: 'Reply buttons; empty for other kinds' }),
    list: z
      .object({
        button: z.string(),
        sections: z.array(
          z.object({ title: z.string(), rows: z.array(Choice.extend({ description: z.string().nullable() })) }),
        ),
      })
      .nullable(),
    template: z.object({ name: z.string(), language: z.string() }).nullable(),
    media: z
      .object({
        kind: z.string(),
        mimeType: z.string(),
        filename: z.string().nullable(),
        caption: z.string().nullable(),
        voice: z.boolean(),
        url: z.string().openapi({ description: 'A path under /fake-whatsapp serving the bytes' }),
      })
      .nullable(),
    choice: Choice.nullable().openapi({ description: 'The button or row the lead tapped' }),
    status: z.enum(['sent', 'delivered', 'read']).openapi({
      description:
        'Business messages: what the phone reported. Lead messages: `read` once the business marked them read',
    }),
  })
  .openapi('PhoneMessage');

export type PhoneMessageJson = z.infer<typeof PhoneMessageSchema>;
