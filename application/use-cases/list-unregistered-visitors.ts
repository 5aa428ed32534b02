import type { BotState } from '../../domain/chatbot/bot-state.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import type { ConversationId, LineId } from '../../domain/shared/ids.ts';
import { asId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { leadWindow, type LeadWindow } from './lead-access.ts';
import type { InvalidCursor } from './list-leads.ts';

/**
 * Someone talking to the bot who has not consented (or declined): no lead, so no name or email; the phone is
 * shown masked (the last four digits), enough to tell visitors apart and see where they dropped off.
 */
export type UnregisteredVisitor = {
  readonly conversationId: ConversationId;
  readonly lineId: LineId;
  readonly step: BotState['step'];
  readonly maskedPhone: string | null;
  readonly window: LeadWindow;
  readonly lastInboundAt: Instant | null;
  readonly createdAt: Instant;
};

export type UnregisteredPage = { readonly items: readonly UnregisteredVisitor[]; readonly nextCursor: string | null };

export type ListUnregisteredInput = { readonly cursor?: string; readonly limit: number };

/** `+573001234567` → `•••• 4567`. */
export const maskPhone = (phone: string | null): string | null => (phone === null ? null : `•••• ${phone.slice(-4)}`);

const cursorOf = (c: Conversation): string => `${c.createdAt}_${c.id}`;

/**
 * The bot's visitors who are not leads yet, newest first, a page at a time (paged in the database): where people
 * drop off before consenting. Managers and admins only (the route says so): nobody is assigned to them.
 */
export class ListUnregisteredVisitors {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: ListUnregisteredInput): Promise<Result<UnregisteredPage, InvalidCursor>> {
    const start = input.cursor === undefined ? null : /^(\d+)_(.+)$/.exec(input.cursor);
    if (input.cursor !== undefined && (start === null || start[1] === undefined || start[2] === undefined))
      return err({ type: 'InvalidCursor', cursor: input.cursor });
    const after =
      start?.[1] === undefined || start[2] === undefined
        ? null
        : { createdAt: Number(start[1]), id: asId<ConversationId>(start[2]) };
    return this.uow.transaction(async (repos) => {
      const rows = await repos.conversations.unregistered(after, input.limit + 1);
      const page = rows.slice(0, input.limit);
      const now = this.clock.now();
      const last = page.at(-1);
      return ok({
        items: page.map((c) => ({
          conversationId: c.id,
          lineId: c.lineId,
          step: c.bot.step,
          maskedPhone: maskPhone(c.contact.phone),
          window: leadWindow([c], now),
          lastInboundAt: c.lastInboundAt,
          createdAt: c.createdAt,
        })),
        nextCursor: rows.length > input.limit && last !== undefined ? cursorOf(last) : null,
      });
    });
  }
}
