import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { MessageRepository } from '../../application/ports/message-repository.ts';
import type { InboundContent, InboundMessage, Message, OutboundMessage } from '../../domain/messaging/message.ts';
import {
  asId,
  type ConversationId,
  type LeadId,
  type MediaId,
  type MessageId,
  type WaMessageId,
} from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Db } from './drizzle-db.ts';
import { messageAuthorCodec } from './codecs/message-author-codec.ts';
import { inboundContentColumns, toInboundRow, toMessage, toOutbound, toOutboundRow } from './message-rows.ts';
import { conflictOnUnique } from './pg-errors.ts';
import { first, replaceAllBut, toDate } from './rows.ts';
import { conversations, messages } from './schema.ts';

const queuedOutbound = (m: { readonly direction: PgColumn; readonly status: PgColumn }) =>
  and(eq(m.direction, 'outbound'), eq(m.status, 'queued'));
const older = alias(messages, 'older');

/**
 * How many of a conversation's latest outbound messages `personWroteSince` reads: since the lead's previous
 * message there are a few (the bot stays quiet while an advisor has the conversation).
 */
const RECENT = 50;

export class DrizzleMessageRepository implements MessageRepository {
  constructor(private readonly db: Db) {}

  async byId(id: MessageId): Promise<Message | null> {
    const row = first(await this.db.select().from(messages).where(eq(messages.id, id)));
    return row === null ? null : toMessage(row);
  }

  async byWaMessageId(waMessageId: WaMessageId): Promise<Message | null> {
    const row = first(await this.db.select().from(messages).where(eq(messages.waMessageId, waMessageId)));
    return row === null ? null : toMessage(row);
  }

  async addInbound(message: InboundMessage): Promise<boolean> {
    const inserted = await this.db
      .insert(messages)
      .values(toInboundRow(message))
      .onConflictDoNothing({ target: messages.waMessageId })
      .returning({ id: messages.id });
    return inserted.length > 0;
  }

  async updateInboundContent(id: MessageId, content: InboundContent): Promise<void> {
    await this.db
      .update(messages)
      .set(inboundContentColumns(content))
      .where(and(eq(messages.id, id), eq(messages.direction, 'inbound')));
  }

  /** Inserts or replaces (keeping its place in stored order), clears the lease and logs a status change. */
  async saveOutbound(message: OutboundMessage): Promise<void> {
    // One statement: the row lock comes with the upsert, and the status history is written by a trigger
    // (migration 0002) whenever the status changes.
    const saved = await conflictOnUnique(
      'message',
      () => `Meta id ${message.waMessageId}`,
      () =>
        this.db
          .insert(messages)
          .values(toOutboundRow(message))
          .onConflictDoUpdate({
            target: messages.id,
            set: { ...replaceAllBut(messages), sentAt: sql`coalesce(${messages.sentAt}, excluded.sent_at)` },
            setWhere: eq(messages.direction, 'outbound'),
          })
          .returning({ id: messages.id }),
    );
    if (saved.length === 0) throw new Error(`message ${message.id} is stored as inbound`);
  }

  async byConversation(conversationId: ConversationId): Promise<Message[]> {
    const rows = await this.db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.seq));
    return rows.map(toMessage);
  }

  /** The conversation's outbound messages from `since` on, newest first and at most `RECENT` of them, authors decoded here. */
  async personWroteSince(conversationId: ConversationId, since: Instant | null): Promise<boolean> {
    const rows = await this.db
      .select({ author: messages.author })
      .from(messages)
      .where(
        and(
          eq(messages.conversationId, conversationId),
          eq(messages.direction, 'outbound'),
          since === null ? undefined : gte(messages.createdAt, toDate(since)),
        ),
      )
      .orderBy(desc(messages.seq))
      .limit(RECENT);
    return rows.some((row) => row.author !== null && messageAuthorCodec.decode(row.author).kind === 'user');
  }

  /** Includes messages stored before the lead registered, through the conversations now linked to it. */
  async byLead(leadId: LeadId): Promise<Message[]> {
    const linked = this.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.leadId, leadId));
    const rows = await this.db
      .select()
      .from(messages)
      .where(or(eq(messages.leadId, leadId), inArray(messages.conversationId, linked)))
      .orderBy(asc(messages.seq));
    return rows.map(toMessage);
  }

  async leadsReferencingMedia(mediaId: MediaId): Promise<(LeadId | null)[]> {
    const rows = await this.db
      .selectDistinct({ leadId: sql<string | null>`coalesce(${messages.leadId}, ${conversations.leadId})` })
      .from(messages)
      .leftJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(messages.mediaId, mediaId));
    return rows.map((r) => (r.leadId === null ? null : asId<LeadId>(r.leadId)));
  }

  /**
   * Each conversation's oldest queued outbound message, when due and not leased; rows another sender
   * is claiming right now are skipped rather than waited for.
   */
  async claimDueOutbound(now: Instant, limit: number, leaseUntil: Instant): Promise<OutboundMessage[]> {
    if (limit <= 0) return [];
    const at = toDate(now);
    const heads = this.db
      .select({ seq: messages.seq })
      .from(messages)
      .where(
        and(
          queuedOutbound(messages),
          lte(messages.nextAttemptAt, at),
          or(isNull(messages.leaseUntil), lte(messages.leaseUntil, at)),
          // `offset 0` is a planner fence: the probe stays a per-row lookup in messages_outbox_idx. Turned
          // into a join, it is planned on statistics that still say "nothing queued" after a burst
          // (autoanalyze lags behind), and scans the whole backlog once per queued message: over a second
          // per claim with 2,000 queued.
          sql`not exists (${this.db
            .select({ one: sql`1` })
            .from(older)
            .where(
              and(
                eq(older.conversationId, messages.conversationId),
                queuedOutbound(older),
                sql`(${older.createdAt}, ${older.seq}) < (${messages.createdAt}, ${messages.seq})`,
              ),
            )} offset 0)`,
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.seq))
      .limit(limit)
      .for('update', { skipLocked: true });
    const claimed = await this.db
      .update(messages)
      .set({ leaseUntil: toDate(leaseUntil) })
      .where(inArray(messages.seq, heads))
      .returning();
    return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.seq - b.seq).map(toOutbound);
  }
}
