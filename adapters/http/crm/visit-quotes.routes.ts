import { createRoute, z } from '@hono/zod-openapi';
import { authResponses, problemResponse } from './crm-responses.ts';
import { NewQuoteBody, QuoteIdParam, QuoteSchema, SentQuoteSchema, VisitIdParam } from './chat-tools.schemas.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });

export const createQuoteRoute = createRoute({
  method: 'post',
  path: '/visits/{id}/quotes',
  tags: ['Quotes'],
  summary:
    'Simulate and store a quote (with its PDF) for a unit, or a unit type’s reference unit, of the visit’s project',
  request: { params: VisitIdParam, body: { required: true, content: json(NewQuoteBody) } },
  responses: {
    201: { description: 'The stored quote', content: json(QuoteSchema) },
    ...authResponses,
    404: problemResponse(
      'Unknown visit (or another advisor’s), unit or unit type of the project (`visit_not_found`, `unit_not_found`, `unit_type_not_found`).',
    ),
    409: problemResponse(
      'The lead has no conversation (`lead_has_no_conversation`) or the unit type no unit to quote (`no_unit_to_quote`).',
    ),
    422: problemResponse('Invalid body, or the project’s plan cannot quote this unit.'),
  },
});

export const listQuotesRoute = createRoute({
  method: 'get',
  path: '/visits/{id}/quotes',
  tags: ['Quotes'],
  summary: 'The visit’s quotes, newest first',
  request: { params: VisitIdParam },
  responses: {
    200: { description: 'Quotes', content: json(z.object({ items: z.array(QuoteSchema) })) },
    ...authResponses,
    404: problemResponse('Unknown visit, or another advisor’s (`visit_not_found`).'),
  },
});

export const sendQuoteRoute = createRoute({
  method: 'post',
  path: '/quotes/{id}/send',
  tags: ['Quotes'],
  summary: 'Send a stored quote to its lead: the summary text and the PDF; queued and sent by the outbox',
  request: { params: QuoteIdParam },
  responses: {
    202: { description: 'Queued messages: text, then document', content: json(SentQuoteSchema) },
    ...authResponses,
    404: problemResponse('Unknown quote, or another advisor’s lead (`quote_not_found`).'),
    409: problemResponse(
      '`window_closed`: the lead has not written in 24 hours (send an approved template first); `lead_has_no_whatsapp`.',
    ),
  },
});
