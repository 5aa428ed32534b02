import { createRoute, z } from '@hono/zod-openapi';
import type { Router } from './create-router.ts';

const FakeInboundBody = z
  .object({
    from: z.string().regex(/^\+[1-9]\d{7,14}$/, 'an E.164 phone number such as +573001234567').openapi({ example: '+573001234567' }),
    name: z.string().max(200).optional().openapi({ example: 'María Pérez' }),
    text: z.string().min(1).max(4096).optional().openapi({ example: 'Hola' }),
    choice: z.object({ id: z.string().min(1).max(200), title: z.string().max(24) }).optional(),
    /** Reuse an id to play Meta redelivering the same message. */
    waMessageId: z.string().min(1).max(200).optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.choice === undefined), { message: 'send exactly one of text or choice' });

export type FakeInbound = z.infer<typeof FakeInboundBody>;

export const fakeInboundRoute = createRoute({
  method: 'post',
  path: '/fake-whatsapp/inbound',
  tags: ['Fake WhatsApp'],
  summary: 'Plays a lead writing to the default line (fake-WhatsApp mode only): stored like a webhook, answered in the background',
  request: { body: { content: { 'application/json': { schema: FakeInboundBody } }, required: true } },
  responses: {
    202: {
      description: 'Stored in the inbox (false when that waMessageId was already stored)',
      content: { 'application/json': { schema: z.object({ stored: z.boolean(), waMessageId: z.string() }) } },
    },
  },
});

export type FakeInboundPort = (input: FakeInbound) => Promise<{ stored: boolean; waMessageId: string }>;

export const registerFakeWhatsApp = (app: Router, receive: FakeInboundPort): void => {
  app.openapi(fakeInboundRoute, async (c) => c.json(await receive(c.req.valid('json')), 202));
};
