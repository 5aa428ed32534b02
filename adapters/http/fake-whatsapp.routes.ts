import { createRoute, z } from '@hono/zod-openapi';
import { FakeInboundBody } from './fake-whatsapp.schemas.ts';
import { ProblemSchema } from './problem.ts';

export const fakeInboundRoute = createRoute({
  method: 'post',
  path: '/fake-whatsapp/inbound',
  tags: ['Fake WhatsApp'],
  summary:
    'Plays a lead writing to the default line (fake-WhatsApp mode only): stored like a webhook, answered in the background',
  description:
    'Exactly one of `text`, `choice` (a button or list row tap) or `media` (a file in base64, up to 16 MB, which the ' +
    "app then downloads from the fake as it would from Meta). The message also appears in the phone's log.",
  request: { body: { content: { 'application/json': { schema: FakeInboundBody } }, required: true } },
  responses: {
    202: {
      description: 'Stored in the inbox (false when that waMessageId was already stored)',
      content: { 'application/json': { schema: z.object({ stored: z.boolean(), waMessageId: z.string() }) } },
    },
    413: {
      description: 'The body is larger than a 16 MB file allows',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    422: {
      description: 'The body is not a valid message',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});
