import { createRoute } from '@hono/zod-openapi';
import { requireRole } from './crm-auth.ts';
import { problemResponse, roleResponses } from './crm-responses.ts';
import {
  DeadLetterDetailSchema,
  DeadLetterIdParam,
  DeadLetterPageSchema,
  DeadLetterSchema,
  ListDeadLettersQuery,
  RequeuedSchema,
} from './dead-letters.schemas.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });
const notFound = problemResponse(
  'No such dead letter (`dead_letter_not_found`): unknown, never dead-lettered, or already retried.',
);

export const listDeadLettersRoute = createRoute({
  method: 'get',
  path: '/admin/dead-letters',
  tags: ['Dead letters'],
  summary: 'Inbox entries set aside after failing too often (admins), newest first; no personal data',
  middleware: [requireRole('admin')] as const,
  request: { query: ListDeadLettersQuery },
  responses: {
    200: { description: 'A page of dead letters', content: json(DeadLetterPageSchema) },
    ...roleResponses,
    422: problemResponse('Invalid query (`validation_failed`, `invalid_cursor`).'),
  },
});

export const getDeadLetterRoute = createRoute({
  method: 'get',
  path: '/admin/dead-letters/{id}',
  tags: ['Dead letters'],
  summary: 'One dead letter with what WhatsApp sent (admins)',
  middleware: [requireRole('admin')] as const,
  request: { params: DeadLetterIdParam },
  responses: {
    200: { description: 'The dead letter and its entry', content: json(DeadLetterDetailSchema) },
    ...roleResponses,
    404: notFound,
  },
});

export const retryDeadLetterRoute = createRoute({
  method: 'post',
  path: '/admin/dead-letters/{id}/retry',
  tags: ['Dead letters'],
  summary: 'Put a dead letter back into the inbox, due now, its tries reset (admins)',
  description:
    'The entry is queued as if it had just arrived: after every entry already in the inbox, its sender’s included, ' +
    'so it never jumps ahead of what the sender wrote since. It gets a new inbox id; if it fails again it comes back ' +
    'here after the same number of tries.',
  middleware: [requireRole('admin')] as const,
  request: { params: DeadLetterIdParam },
  responses: {
    202: { description: 'Queued', content: json(RequeuedSchema) },
    ...roleResponses,
    404: notFound,
    409: problemResponse('The dead letter was discarded (`dead_letter_discarded`).'),
  },
});

export const discardDeadLetterRoute = createRoute({
  method: 'post',
  path: '/admin/dead-letters/{id}/discard',
  tags: ['Dead letters'],
  summary: 'Give up on a dead letter; it is kept, marked discarded, for audit (admins)',
  middleware: [requireRole('admin')] as const,
  request: { params: DeadLetterIdParam },
  responses: {
    200: { description: 'The discarded dead letter', content: json(DeadLetterSchema) },
    ...roleResponses,
    404: notFound,
  },
});
