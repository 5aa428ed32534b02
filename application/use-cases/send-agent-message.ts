import { mayBeSent, type WindowClosed } from '../../domain/conversation/window.ts';
import { type Conversation, openConversation } from '../../domain/conversation/conversation.ts';
import type { ContentMismatch } from '../../domain/media/content-check.ts';
import { identityOf, isReachable, type Lead } from '../../domain/lead/lead.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import { limitViolations, type OutboundContent } from '../../domain/messaging/outbound.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { LeadId, MediaId, UserId, VisitId } from '../../domain/shared/ids.ts';
import { renderTemplate, type TemplateParameterMismatch } from '../../domain/templates/template.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { ContentTypeDetector } from '../ports/content-type-detector.ts';
import type { EventPublisher } from '../ports/events.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { MediaStore } from '../ports/media-store.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleLead } from './lead-access.ts';
import { attachable, type Attachment } from './media-access.ts';
import { queueOutbound } from './queue-outbound.ts';

/** What an advisor can send from the CRM's chat panel: a template's text is rendered here, not by the caller. */
export type AgentContent =
  | Extract<OutboundContent, { kind: 'text' | 'media' }>
  | Omit<Extract<OutboundContent, { kind: 'template' }>, 'renderedText'>;

export type SendAgentMessageInput = {
  /** On whose behalf: the lead must be one they may see (`mayView`), a file attached one they may read (`mayReadMedia`). */
  readonly actor: Actor;
  readonly leadId: LeadId;
  readonly author: UserId;
  readonly content: AgentContent;
  /** File the message under this visit; by default the lead's most recent one. */
  readonly visitId?: VisitId;
};

export type SendAgentMessageError =
  | { readonly type: 'LeadNotFound'; readonly leadId: LeadId }
  | { readonly type: 'VisitNotFound'; readonly visitId: VisitId }
  | { readonly type: 'LeadHasNoWhatsApp'; readonly leadId: LeadId }
  | { readonly type: 'TemplateNotFound'; readonly name: string; readonly language: string }
  | { readonly type: 'InvalidMessage'; readonly violations: readonly string[] }
  | { readonly type: 'MediaNotFound'; readonly mediaId: MediaId }
  | ContentMismatch
  | TemplateParameterMismatch
  | WindowClosed;

/**
 * An advisor writes to a lead. Free-form messages need the 24-hour window open and are refused up
 * front otherwise; templates are always allowed and stored with their rendered text. A file goes out only
 * if the actor may read it and its bytes are what the message calls them.
 */
export class SendAgentMessage {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly events: EventPublisher,
    private readonly media: MediaStore,
    private readonly detector: ContentTypeDetector,
  ) {}

  async execute(input: SendAgentMessageInput): Promise<Result<OutboundMessage, SendAgentMessageError>> {
    const outcome = await this.uow.transaction(async (repos) => {
      // An advisor may write only to their own leads; another's is "not found", as for every read.
      const lead = await visibleLead(repos, input.actor, input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId } as const);
      if (lead.phone === null && lead.waUserId === null)
        return err({ type: 'LeadHasNoWhatsApp', leadId: lead.id } as const);
      const visits = await repos.visits.byLead(lead.id);
      const visit =
        input.visitId === undefined ? (visits[0] ?? null) : (visits.find((v) => v.id === input.visitId) ?? null);
      if (input.visitId !== undefined && visit === null)
        return err({ type: 'VisitNotFound', visitId: input.visitId } as const);
      const content = await this.contentOf(repos, input.actor, input.content);
      if (!content.ok) return content;
      const conversations = await repos.conversations.byLead(lead.id);
      const existing = conversations.find((c) => isReachable(c.contact)) ?? null;
      // Its number went to another WhatsApp user (see `savePhoneOf`): writing to it would reach them.
      if (existing === null && conversations.length > 0)
        return err({ type: 'LeadHasNoWhatsApp', leadId: lead.id } as const);
      const allowed = mayBeSent(content.value, existing?.lastInboundAt ?? null, this.clock.now());
      if (!allowed.ok) return allowed;
      const conversation = existing ?? (await this.startConversation(repos, lead));
      const queued = await queueOutbound(repos, this.ids, {
        conversation,
        visitId: visit?.id ?? null,
        contents: [content.value],
        author: { kind: 'user', userId: input.author },
        now: this.clock.now(),
      });
      return ok(queued);
    });
    if (!outcome.ok) return outcome;
    this.events.publish(outcome.value.events);
    return ok(outcome.value.messages[0] as OutboundMessage);
  }

  private async contentOf(
    repos: Repositories,
    actor: Actor,
    content: AgentContent,
  ): Promise<Result<OutboundContent, SendAgentMessageError>> {
    if (content.kind === 'media') {
      const valid = this.withinLimits(content);
      if (!valid.ok) return valid;
      const file = await this.attachable(repos, actor, content);
      return file.ok ? valid : file;
    }
    if (content.kind !== 'template') return this.withinLimits(content);
    const header = content.header;
    if (header?.kind === 'media') {
      const file = await this.attachable(repos, actor, header);
      if (!file.ok) return file;
    }
    const template = await repos.templates.byName(content.name, content.language);
    if (template === null || template.status !== 'APPROVED')
      return err({ type: 'TemplateNotFound', name: content.name, language: content.language });
    const rendered = renderTemplate(template, content.parameters);
    return rendered.ok ? this.withinLimits({ ...content, renderedText: rendered.value }) : rendered;
  }

  private attachable(repos: Repositories, actor: Actor, file: Attachment) {
    return attachable(repos, { media: this.media, detector: this.detector }, actor, file);
  }

  private withinLimits(content: OutboundContent): Result<OutboundContent, SendAgentMessageError> {
    const violations = limitViolations(content);
    return violations.length === 0 ? ok(content) : err({ type: 'InvalidMessage', violations });
  }

  /** A CRM lead who never wrote gets a conversation on the lead's line with the first template. */
  private async startConversation(repos: Repositories, lead: Lead): Promise<Conversation> {
    const conversation = openConversation({
      id: this.ids.next('conv'),
      lineId: lead.lineId,
      contact: identityOf(lead),
      profileName: lead.name,
      leadId: lead.id,
      at: this.clock.now(),
    });
    await repos.conversations.save(conversation);
    return conversation;
  }
}
