import type { Message } from '../../domain/messaging/message.ts';
import { type MessageReference, referencesOf } from '../../domain/messaging/message-references.ts';
import type { LeadId, VisitId, WaMessageId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { leadWindow, visibleLead, type LeadNotFound, type LeadWindow } from './lead-access.ts';

export type GetConversationInput = {
  readonly actor: Actor;
  readonly leadId: LeadId;
  /** Only the messages filed under this visit. */
  readonly visitId?: VisitId;
  /** Only messages before this position (a previous page's `nextCursor`); by default the latest. */
  readonly before?: number;
  readonly limit: number;
};

/**
 * A message with its place in the lead's history (0 = the first ever stored), which never changes, and the
 * message it refers to: the one a quoted reply answers, the one a reaction reacts to (`null`: none).
 */
export type PositionedMessage = {
  readonly position: number;
  readonly message: Message;
  readonly replyTo: MessageReference | null;
  readonly reactsTo: MessageReference | null;
};

export type ConversationPage = {
  /** Oldest first, the way a chat reads. */
  readonly messages: readonly PositionedMessage[];
  /** Pass as `before` for the older page; `null` when this page reaches the first message. */
  readonly nextCursor: number | null;
  readonly window: LeadWindow;
};

export type GetConversationError = LeadNotFound | { readonly type: 'VisitNotFound'; readonly visitId: VisitId };

/** The chat panel: the lead's messages across its conversations, in stored order, newest page first. */
export class GetConversation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: GetConversationInput): Promise<Result<ConversationPage, GetConversationError>> {
    return this.uow.transaction(async (repos): Promise<Result<ConversationPage, GetConversationError>> => {
      const lead = await visibleLead(repos, input.actor, input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId });
      const { visitId, before } = input;
      if (visitId !== undefined && !(await repos.visits.byLead(lead.id)).some((v) => v.id === visitId))
        return err({ type: 'VisitNotFound', visitId });
      const stored = await repos.messages.byLead(lead.id);
      const byWaId = new Map(stored.flatMap((m) => (m.waMessageId === null ? [] : [[m.waMessageId, m] as const])));
      const find = (id: WaMessageId) => byWaId.get(id) ?? null;
      const all = stored.map((message, position) => ({ position, message, ...referencesOf(message, find) }));
      const eligible = all.filter(
        ({ position, message }) =>
          (visitId === undefined || message.visitId === visitId) && (before === undefined || position < before),
      );
      const messages = eligible.slice(Math.max(0, eligible.length - input.limit));
      const first = messages[0];
      const nextCursor = eligible.length > messages.length && first !== undefined ? first.position : null;
      return ok({
        messages,
        nextCursor,
        window: leadWindow(await repos.conversations.byLead(lead.id), this.clock.now()),
      });
    });
  }
}
