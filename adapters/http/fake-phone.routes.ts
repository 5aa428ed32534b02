import { createRoute, z } from '@hono/zod-openapi';
import { PhoneMessageSchema, phoneParam } from './fake-phone.schemas.ts';
import { ProblemSchema } from './problem.ts';

const problems = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

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
