import { createRoute, z } from '@hono/zod-openapi';
import {
  ConversationQuery,
  ConversationSchema,
  MarkedReadSchema,
  MessageSchema,
  SendMessageBody,
} from './conversation.schemas.ts';
import { LeadIdParam } from './leads.schemas.ts';
import { problemResponse } from './crm-responses.ts';

export const getConversationRoute = createRoute({
  method: 'get',
  path: '/leads/{id}/conversation',
  tags: ['Conversation'],
  summary: 'The chat: messages with delivery status and visit, the window state; newest page first, `cursor` for older',
  request: { params: LeadIdParam, query: ConversationQuery },
  responses: {
    200: { description: 'The conversation', content: { 'application/json': { schema: ConversationSchema } } },
    404: problemResponse('Unknown lead or visit'),
    422: problemResponse('Invalid query'),
  },
});

export const markConversationReadRoute = createRoute({
  method: 'post',
  path: '/leads/{id}/conversation/read',
  tags: ['Conversation'],
  summary: 'The advisor has seen the chat: the lead gets blue ticks on their latest message (best effort)',
  request: { params: LeadIdParam },
  responses: {
    200: {
      description: 'Receipts sent, one per conversation with an inbound message',
      content: { 'application/json': { schema: MarkedReadSchema } },
    },
    404: problemResponse('Unknown lead'),
  },
});

export const sendMessageRoute = createRoute({
  method: 'post',
  path: '/leads/{id}/messages',
  tags: ['Conversation'],
  summary: 'Send text, a template, a file or a voice note; queued and sent by the outbox',
  request: {
    params: LeadIdParam,
    body: { required: true, content: { 'application/json': { schema: SendMessageBody } } },
  },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: MessageSchema } } },
    404: problemResponse(
      "Unknown lead, visit or template; a file that is unknown or not yours to send (another advisor's upload) is `media_not_found`",
    ),
    409: problemResponse(
      '`window_closed`: free-form outside the 24-hour window (send an approved template); `lead_has_no_whatsapp`',
    ),
    415: problemResponse(
      'The stored file is not what the message calls it (`media_content_mismatch`, with `declaredType` and `detectedType`): e.g. a voice note that is not OGG/Opus, a PDF sent as an image.',
    ),
    422: problemResponse('Invalid body, message over WhatsApp’s limits, or wrong number of template parameters'),
  },
});

const HandedSchema = z
  .object({
    conversationId: z.string(),
    inBot: z.boolean().openapi({ description: 'Whether the bot now leads the conversation' }),
    step: z
      .string()
      .nullable()
      .openapi({ description: 'The bot step it resumes at (hand-back); null with an advisor' }),
  })
  .openapi('ConversationHanded');

export const takeOverRoute = createRoute({
  method: 'post',
  path: '/leads/{id}/conversation/takeover',
  tags: ['Conversation'],
  summary:
    'Take the conversation from the bot: the bot stops answering this lead (an unassigned lead gets the least-loaded advisor)',
  request: { params: LeadIdParam },
  responses: {
    200: { description: 'The advisor has the conversation', content: { 'application/json': { schema: HandedSchema } } },
    404: problemResponse('Unknown lead, or not one of the caller’s'),
    409: problemResponse(
      'The conversation is already with an advisor (`not_with_bot`), or the lead has none (`lead_has_no_conversation`)',
    ),
  },
});

export const handBackRoute = createRoute({
  method: 'post',
  path: '/leads/{id}/conversation/handback',
  tags: ['Conversation'],
  summary:
    'Hand the conversation back to the bot: a lead who consented resumes at the search (told so while the window is open); the advisor stays theirs',
  request: { params: LeadIdParam },
  responses: {
    200: {
      description: 'The bot leads the conversation again',
      content: { 'application/json': { schema: HandedSchema } },
    },
    404: problemResponse('Unknown lead, or not one of the caller’s'),
    409: problemResponse(
      'The bot already leads the conversation (`already_with_bot`), or the lead has none (`lead_has_no_conversation`)',
    ),
  },
});
