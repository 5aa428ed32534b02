import { and, asc, desc, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { ConversationCursor, ConversationRepository } from '../../application/ports/conversation-repository.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import type { WaIdentity } from '../../domain/lead/lead.ts';
import { asId, type ConversationId, type LeadId, type LineId } from '../../domain/shared/ids.ts';
import type { Db } from './drizzle-db.ts';
import { botStateCodec } from './codecs/bot-state-codec.ts';
import { firstContactCodec } from './codecs/origin-codec.ts';
import { conflictOnUnique } from './pg-errors.ts';
import { first, replaceAllBut, toDate, toDateOrNull, toInstant, toInstantOrNull } from './rows.ts';
import { conversations } from './schema.ts';

type ConversationRow = typeof conversations.$inferSelect;

export const toConversation = (row: ConversationRow): Conversation => ({
  id: asId<ConversationId>(row.id),
  lineId: asId<LineId>(row.lineId),
  contact: { phone: row.phone as PhoneE164 | null, userId: row.waUserId },
  profileName: row.profileName,
  leadId: row.leadId === null ? null : asId<LeadId>(row.leadId),
  bot: botStateCodec.decode(row.bot),
  lastInboundAt: toInstantOrNull(row.lastInboundAt),
  origin: row.origin === null ? null : firstContactCodec.decode(row.origin),
  ...(row.acknowledgedAt === null ? {} : { acknowledgedAt: toInstant(row.acknowledgedAt) }),
  createdAt: toInstant(row.createdAt),
});

export const toConversationRow = (c: Conversation): typeof conversations.$inferInsert => ({
  id: c.id,
  lineId: c.lineId,
  phone: c.contact.phone,
  waUserId: c.contact.userId,
  profileName: c.profileName,
  leadId: c.leadId,
  bot: botStateCodec.encode(c.bot),
  lastInboundAt: toDateOrNull(c.lastInboundAt),
  origin: c.origin === null ? null : firstContactCodec.encode(c.origin),
  acknowledgedAt: toDateOrNull(c.acknowledgedAt ?? null),
  createdAt: toDate(c.createdAt),
});

/**
 * Reading one conversation locks it until the transaction ends (`FOR UPDATE`): transactions on the same
 * conversation read, change and save it one after another, so no bot turn is computed from a stale state.
 */
export class DrizzleConversationRepository implements ConversationRepository {
  constructor(private readonly db: Db) {}

  async byId(id: ConversationId): Promise<Conversation | null> {
    const row = first(await this.db.select().from(conversations).where(eq(conversations.id, id)).for('update'));
    return row === null ? null : toConversation(row);
  }

  /** Same user id first, else same phone, on that line. */
  async byIdentity(lineId: LineId, identity: WaIdentity): Promise<Conversation | null> {
    const byUser = identity.userId === null ? undefined : eq(conversations.waUserId, identity.userId);
    const byPhone = identity.phone === null ? undefined : eq(conversations.phone, identity.phone);
    const either = or(byUser, byPhone);
    if (either === undefined) return null;
    const order =
      byUser === undefined
        ? [asc(conversations.seq)]
        : [sql`case when ${byUser} then 0 else 1 end`, asc(conversations.seq)];
    const rows = await this.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.lineId, lineId), either))
      .orderBy(...order)
      .limit(1)
      .for('update');
    const row = first(rows);
    return row === null ? null : toConversation(row);
  }

  /** The latest inbound first, never written to last; then the newest, then stored order. */
  async unregistered(after: ConversationCursor | null, limit: number): Promise<Conversation[]> {
    const at = after === null ? null : toDate(after.createdAt);
    const rows = await this.db
      .select()
      .from(conversations)
      .where(
        and(
          isNull(conversations.leadId),
          at === null || after === null
            ? undefined
            : or(lt(conversations.createdAt, at), and(eq(conversations.createdAt, at), lt(conversations.id, after.id))),
        ),
      )
      .orderBy(desc(conversations.createdAt), desc(conversations.id))
      .limit(limit);
    return rows.map(toConversation);
  }

  async byLead(leadId: LeadId): Promise<Conversation[]> {
    const rows = await this.db
      .select()
      .from(conversations)
      .where(eq(conversations.leadId, leadId))
      .orderBy(
        sql`${conversations.lastInboundAt} desc nulls last`,
        desc(conversations.createdAt),
        asc(conversations.seq),
      );
    return rows.map(toConversation);
  }

  async save(conversation: Conversation): Promise<void> {
    // The key's kind only: its value is a phone or a user id, personal data that must not reach a log.
    await conflictOnUnique(
      'conversation',
      (constraint) => (constraint === 'conversations_line_wa_user_unique' ? 'user id' : 'phone'),
      () =>
        this.db
          .insert(conversations)
          .values(toConversationRow(conversation))
          .onConflictDoUpdate({ target: conversations.id, set: replaceAllBut(conversations) }),
    );
  }

  async releasePhone(lineId: LineId, phone: PhoneE164, keep: ConversationId): Promise<void> {
    await this.db
      .update(conversations)
      .set({ phone: null })
      .where(and(eq(conversations.lineId, lineId), eq(conversations.phone, phone), ne(conversations.id, keep)));
  }
}
