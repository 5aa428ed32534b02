import { authorOf } from '../../../application/ports/actor.ts';
import type { GetConversation } from '../../../application/use-cases/get-conversation.ts';
import type { HandBackConversation } from '../../../application/use-cases/hand-back-conversation.ts';
import type { MarkConversationRead } from '../../../application/use-cases/mark-conversation-read.ts';
import type { TakeOverConversation } from '../../../application/use-cases/take-over-conversation.ts';
import type { Conversation } from '../../../domain/conversation/conversation.ts';
import type { AgentContent, SendAgentMessage } from '../../../application/use-cases/send-agent-message.ts';
import { asId, type LeadId, type MediaId, type VisitId } from '../../../domain/shared/ids.ts';
import type { SendMessageBody } from './conversation.schemas.ts';
import type * as routes from './conversation.routes.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import { messageJson, referenceJson, windowJson } from './leads.presenters.ts';

/** What the conversation routes need: their use cases (queuing a message wakes the senders by itself). */
export type ConversationDeps = {
  readonly getConversation: Pick<GetConversation, 'execute'>;
  readonly markConversationRead: Pick<MarkConversationRead, 'execute'>;
  readonly sendAgentMessage: Pick<SendAgentMessage, 'execute'>;
  readonly takeOverConversation: Pick<TakeOverConversation, 'execute'>;
  readonly handBackConversation: Pick<HandBackConversation, 'execute'>;
};

const handedJson = (conversation: Conversation) => ({
  conversationId: conversation.id,
  inBot: conversation.bot.step !== 'withAdvisor',
  step: conversation.bot.step === 'withAdvisor' ? null : conversation.bot.step,
});

export const takeOver =
  (deps: ConversationDeps): CrmHandler<typeof routes.takeOverRoute> =>
  async (c) => {
    const taken = await deps.takeOverConversation.execute({
      actor: c.get('actor'),
      leadId: asId<LeadId>(c.req.valid('param').id),
    });
    return taken.ok ? c.json(handedJson(taken.value), 200) : crmProblem(c, taken.error);
  };

export const handBack =
  (deps: ConversationDeps): CrmHandler<typeof routes.handBackRoute> =>
  async (c) => {
    const handed = await deps.handBackConversation.execute({
      actor: c.get('actor'),
      leadId: asId<LeadId>(c.req.valid('param').id),
    });
    return handed.ok ? c.json(handedJson(handed.value), 200) : crmProblem(c, handed.error);
  };

/** `{ [key]: value }`, or nothing when the value is absent (an optional member is never `undefined`). */
const opt = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => {
  const member: Partial<Record<K, V>> = {};
  if (value !== undefined) member[key] = value;
  return member;
};

/** The request body as the use case's content; a voice note is an OGG/Opus audio flagged as voice. */
export const contentOf = (body: SendMessageBody): AgentContent => {
  switch (body.kind) {
    case 'text':
      return { kind: 'text', body: body.body, ...opt('previewUrl', body.previewUrl) };
    case 'voice':
      return {
        kind: 'media',
        mediaKind: 'audio',
        mediaId: asId<MediaId>(body.mediaId),
        mimeType: 'audio/ogg',
        voice: true,
      };
    case 'media':
      return {
        kind: 'media',
        mediaKind: body.mediaKind,
        mediaId: asId<MediaId>(body.mediaId),
        mimeType: body.mimeType,
        ...opt('filename', body.filename),
        ...opt('caption', body.caption),
      };
    case 'template': {
      const h = body.header;
      const header =
        h === undefined
          ? undefined
          : h.kind === 'text'
            ? { kind: 'text' as const, text: h.text }
            : {
                kind: 'media' as const,
                mediaKind: h.mediaKind,
                mediaId: asId<MediaId>(h.mediaId),
                mimeType: h.mimeType,
                ...opt('filename', h.filename),
              };
      return {
        kind: 'template',
        name: body.name,
        language: body.language,
        parameters: body.parameters,
        ...opt('header', header),
        ...opt('buttons', body.buttons),
      };
    }
  }
};

export const getConversation =
  (deps: ConversationDeps): CrmHandler<typeof routes.getConversationRoute> =>
  async (c) => {
    const { visitId, cursor, limit } = c.req.valid('query');
    const page = await deps.getConversation.execute({
      actor: c.get('actor'),
      leadId: asId<LeadId>(c.req.valid('param').id),
      limit,
      ...opt('visitId', visitId === undefined ? undefined : asId<VisitId>(visitId)),
      ...opt('before', cursor),
    });
    if (!page.ok) return crmProblem(c, page.error);
    const messages = page.value.messages.map(({ position, message, replyTo, reactsTo }) => ({
      ...messageJson(message),
      position,
      replyTo: referenceJson(replyTo),
      reactsTo: referenceJson(reactsTo),
    }));
    return c.json({ messages, nextCursor: page.value.nextCursor, window: windowJson(page.value.window) }, 200);
  };

export const markConversationRead =
  (deps: ConversationDeps): CrmHandler<typeof routes.markConversationReadRoute> =>
  async (c) => {
    const marked = await deps.markConversationRead.execute({
      actor: c.get('actor'),
      leadId: asId<LeadId>(c.req.valid('param').id),
    });
    return marked.ok ? c.json(marked.value, 200) : crmProblem(c, marked.error);
  };

export const sendMessage =
  (deps: ConversationDeps): CrmHandler<typeof routes.sendMessageRoute> =>
  async (c) => {
    const actor = c.get('actor');
    const body = c.req.valid('json');
    const sent = await deps.sendAgentMessage.execute({
      actor,
      leadId: asId<LeadId>(c.req.valid('param').id),
      author: authorOf(actor),
      content: contentOf(body),
      ...opt('visitId', body.visitId === undefined ? undefined : asId<VisitId>(body.visitId)),
    });
    if (!sent.ok) return crmProblem(c, sent.error);
    return c.json(messageJson(sent.value), 202);
  };
