import { createRoute, z } from '@hono/zod-openapi';
import { E164_MESSAGE, E164_PATTERN } from './fake-whatsapp.routes.ts';
import { ProblemSchema } from './problem.ts';

const problems = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const phoneParam = z
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

export const listPhonesRoute = createRoute({
  method: 'get',
  path: '/fake-whatsapp/phones',
  tags: ['Fake WhatsApp'],
  summary: 'Every phone that wrote or was written to through the fake, most recent first (kept in memory only)',
  responses: {
    200: {
      description: 'The phones',
      content: {
        'application/json': {
          schema: z.object({
            phones: z.array(
              z.object({
                phone: z.string(),
                name: z.string().nullable(),
                lastAt: z.string().openapi({ format: 'date-time' }),
                messageCount: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
  },
});

export const phoneMessagesRoute = createRoute({
  method: 'get',
  path: '/fake-whatsapp/phones/{phone}/messages',
  tags: ['Fake WhatsApp'],
  summary: 'What the phone shows: its messages in and out, oldest first',
  request: { params: z.object({ phone: phoneParam }) },
  responses: {
    200: {
      description: 'The messages',
      content: {
        'application/json': { schema: z.object({ phone: z.string(), messages: z.array(PhoneMessageSchema) }) },
      },
    },
    422: problems('Not a phone number'),
  },
});

export const phoneMediaRoute = createRoute({
  method: 'get',
  path: '/fake-whatsapp/phones/{phone}/messages/{waMessageId}/media',
  tags: ['Fake WhatsApp'],
  summary: "The file of one of the phone's messages, as the phone shows it",
  request: { params: z.object({ phone: phoneParam, waMessageId: z.string().min(1).max(200) }) },
  responses: {
    200: {
      description: 'The bytes, with their Content-Type; a download (`attachment`) unless an image, audio or PDF',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: problems('No such message with a file on this phone'),
    422: problems('Not a phone number'),
  },
});

export const phoneReceiptsRoute = createRoute({
  method: 'post',
  path: '/fake-whatsapp/phones/{phone}/receipts',
  tags: ['Fake WhatsApp'],
  summary: "Plays Meta's delivery or read receipts for business messages this phone received",
  description:
    'Each receipt reaches the app as a webhook status would; ids the phone never received are ignored. A status never moves back.',
  request: {
    params: z.object({ phone: phoneParam }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            waMessageIds: z.array(z.string().min(1).max(200)).min(1).max(100),
            status: z.enum(['delivered', 'read']),
          }),
        },
      },
    },
  },
  responses: {
    202: {
      description: 'How many receipts were played',
      content: { 'application/json': { schema: z.object({ accepted: z.number().int() }) } },
    },
    422: problems('Not a phone number, or an invalid body'),
  },
});

export const phoneEventsRoute = createRoute({
  method: 'get',
  path: '/fake-whatsapp/events',
  tags: ['Fake WhatsApp'],
  summary: 'Live phone messages (server-sent events)',
  description:
    "A `text/event-stream`: `event: phone_message` when a message is added to a phone's log and `event: phone_message_updated` " +
    'when its status changes, both with `data: {"v": 1, "phone", "message": PhoneMessage}`; a `: ping` comment every 15 s.',
  responses: { 200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } } },
});
