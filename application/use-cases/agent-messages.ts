import { type Conversation, openConversation, takenFromBot } from '../../domain/conversation/conversation.ts';
import { mayBeSent, type WindowClosed } from '../../domain/conversation/window.ts';
import type { ContentMismatch } from '../../domain/media/content-check.ts';
import { identityOf, isReachable, type Lead } from '../../domain/lead/lead.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { limitViolations, type OutboundContent } from '../../domain/messaging/outbound.ts';
import type { LeadId, MediaId, UserId, VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { renderTemplate, type TemplateParameterMismatch } from '../../domain/templates/template.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContentTypeDetector } from '../ports/content-type-detector.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { MediaStore } from '../ports/media-store.ts';
import type { Repositories, Transaction } from '../ports/unit-of-work.ts';
import { visibleLead } from './lead-access.ts';
import { type Attachment, attachable } from './media-access.ts';
import { queueOutbound } from '../steps/queue-outbound.ts';

/** What an advisor can send from the CRM's chat panel: a template's text is rendered here, not by the caller. */
export type AgentContent =
  | Extract<OutboundContent, { kind: 'text' | 'media' }>
  | Omit<Extract<OutboundContent, { kind: 'template' }>, 'renderedText'>;

export type AgentMessageError =
  | { readonly type: 'LeadNotFound'; readonly leadId: LeadId }
  | { readonly type: 'VisitNotFound'; readonly visitId: VisitId }
  | { readonly type: 'LeadHasNoWhatsApp'; readonly leadId: LeadId }
  | { readonly type: 'TemplateNotFound'; readonly name: string; readonly language: string }
  | { readonly type: 'InvalidMessage'; readonly violations: readonly string[] }
  | { readonly type: 'MediaNotFound'; readonly mediaId: MediaId }
  | ContentMismatch
  | TemplateParameterMismatch
  | WindowClosed;

export type AgentMessageDeps = {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly media: MediaStore;
  readonly detector: ContentTypeDetector;
};

export type AgentMessagesRequest = {
  /** On whose behalf: the lead must be one they may see (`mayView`), a file attached one they may read (`mayReadMedia`). */
  readonly actor: Actor;
  readonly leadId: LeadId;
  readonly author: UserId;
  /** Sent in this order, all or none. */
  readonly contents: readonly AgentContent[];
  /** File the messages under this visit; by default the lead's most recent one. */
  readonly visitId?: VisitId;
};

export type QueuedAgentMessages = readonly OutboundMessage[];

/**
 * Checks and queues what an advisor sends to a lead, inside the caller's transaction: every message or none.
 * Free-form messages need the 24-hour window open and are refused up front otherwise; templates are always
 * allowed and stored with their rendered text. A file goes out only if the actor may read it and its bytes are
 * what the message calls them; their events are published after commit. Shared by `SendAgentMessage` (one
 * message) and `SendQuote` (the summary and its PDF), so neither calls the other.
 */
export const queueAgentMessages = async (
  repos: Transaction,
  deps: AgentMessageDeps,
  request: AgentMessagesRequest,
): Promise<Result<QueuedAgentMessages, AgentMessageError>> => {
  // An advisor may write only to their own leads; another's is "not found", as for every read.
  const lead = await visibleLead(repos, request.actor, request.leadId);
  if (lead === null) return err({ type: 'LeadNotFound', leadId: request.leadId });
  if (lead.phone === null && lead.waUserId === null) return err({ type: 'LeadHasNoWhatsApp', leadId: lead.id });
  const visits = await repos.visits.byLead(lead.id);
  const visit =
    request.visitId === undefined ? (visits[0] ?? null) : (visits.find((v) => v.id === request.visitId) ?? null);
  if (request.visitId !== undefined && visit === null) return err({ type: 'VisitNotFound', visitId: request.visitId });
  const contents: OutboundContent[] = [];
  for (const content of request.contents) {
    const checked = await contentOf(repos, deps, request.actor, content);
    if (!checked.ok) return checked;
    contents.push(checked.value);
  }
  const conversations = await repos.conversations.byLead(lead.id);
  const existing = conversations.find((c) => isReachable(c.contact)) ?? null;
  // Its number went to another WhatsApp user (see `savePhoneOf`): writing to it would reach them.
  if (existing === null && conversations.length > 0) return err({ type: 'LeadHasNoWhatsApp', leadId: lead.id });
  for (const content of contents) {
    const allowed = mayBeSent(content, existing?.lastInboundAt ?? null, deps.clock.now());
    if (!allowed.ok) return allowed;
  }
  const found = existing ?? (await startConversation(repos, deps, lead));
  // A person writing to a lead the bot still leads takes the conversation: the bot must not talk over them.
  const conversation = takenFromBot(found);
  if (conversation !== found) {
    await repos.conversations.save(conversation);
    repos.events.record({
      type: 'conversation_handed',
      leadId: lead.id,
      conversationId: conversation.id,
      to: 'advisor',
    });
  }
  return ok(
    await queueOutbound(repos, deps.ids, {
      conversation,
      visitId: visit?.id ?? null,
      contents,
      author: { kind: 'user', userId: request.author },
      now: deps.clock.now(),
    }),
  );
};

const contentOf = async (
  repos: Repositories,
  deps: AgentMessageDeps,
  actor: Actor,
  content: AgentContent,
): Promise<Result<OutboundContent, AgentMessageError>> => {
  const fileOk = (file: Attachment) => attachable(repos, deps, actor, file);
  if (content.kind === 'media') {
    const valid = withinLimits(content);
    if (!valid.ok) return valid;
    const file = await fileOk(content);
    return file.ok ? valid : file;
  }
  if (content.kind !== 'template') return withinLimits(content);
  const header = content.header;
  if (header?.kind === 'media') {
    const file = await fileOk(header);
    if (!file.ok) return file;
  }
  const template = await repos.templates.byName(content.name, content.language);
  if (template === null || template.status !== 'APPROVED')
    return err({ type: 'TemplateNotFound', name: content.name, language: content.language });
  const rendered = renderTemplate(template, content.parameters);
  return rendered.ok ? withinLimits({ ...content, renderedText: rendered.value }) : rendered;
};

const withinLimits = (content: OutboundContent): Result<OutboundContent, AgentMessageError> => {
  const violations = limitViolations(content);
  return violations.length === 0 ? ok(content) : err({ type: 'InvalidMessage', violations });
};

/** A CRM lead who never wrote gets a conversation on the lead's line with the first template. */
const startConversation = async (repos: Repositories, deps: AgentMessageDeps, lead: Lead): Promise<Conversation> => {
  const conversation = openConversation({
    id: deps.ids.next('conv'),
    lineId: lead.lineId,
    contact: identityOf(lead),
    profileName: lead.name,
    leadId: lead.id,
    at: deps.clock.now(),
  });
  await repos.conversations.save(conversation);
  return conversation;
};
