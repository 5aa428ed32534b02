import { createRoute, z } from '@hono/zod-openapi';
import { PROBLEM_CONTENT_TYPE, ProblemSchema } from './problem.ts';

const PATH = '/webhooks/whatsapp';

const problems = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
});

export const verifyWebhookRoute = createRoute({
  method: 'get',
  path: PATH,
  tags: ['WhatsApp'],
  summary: 'Meta verification handshake',
  description: 'Meta sends `hub.mode=subscribe`, `hub.verify_token` and `hub.challenge`; the challenge is echoed.',
  responses: {
    200: { description: 'The echoed hub.challenge', content: { 'text/plain': { schema: z.string() } } },
    403: problems('Wrong mode or verify token (problem+json)'),
  },
});

export const receiveWebhookRoute = createRoute({
  method: 'post',
  path: PATH,
  tags: ['WhatsApp'],
  summary: 'Meta webhook events (messages, statuses, template updates), signed with X-Hub-Signature-256',
  responses: {
    200: {
      description: 'Stored',
      content: { 'application/json': { schema: z.object({ received: z.literal(true) }) } },
    },
    400: problems('Signed, but not a webhook we can read; nothing stored (problem+json)'),
    401: problems('Missing or wrong signature; nothing stored (problem+json)'),
    413: problems('Body over the size limit (problem+json)'),
    429: problems(
      'Too many bad signatures from this address (`rate_limited`, with Retry-After); good signatures are never limited',
    ),
  },
});
