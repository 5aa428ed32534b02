import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type {
  ErasureScope,
  PersonalDataRepository,
  RequestPosition,
} from '../../application/ports/personal-data-repository.ts';
import type { DataSubjectRequest, DataSubjectRequestId } from '../../domain/lead/erasure.ts';
import { asId, type ConversationId, type LeadId, type MediaId, type UserId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Db } from './drizzle-db.ts';
import { toDate, toInstant } from './rows.ts';
import { consents, dataSubjectRequests, inbox, media, mediaFetches } from './schema.ts';

const toRequest = (row: typeof dataSubjectRequests.$inferSelect): DataSubjectRequest => ({
  id: asId<DataSubjectRequestId>(row.id),
  leadId: asId<LeadId>(row.leadId),
  kind: row.kind,
  actor: asId<UserId>(row.actor),
  at: toInstant(row.at),
  mediaIds: row.mediaIds.map((id) => asId<MediaId>(id)),
});

/** Newest first: a row is after the position when it is older, or as old with a smaller id. */
const olderThan = (p: RequestPosition): SQL | undefined =>
  or(
    lt(dataSubjectRequests.at, toDate(p.at)),
    and(eq(dataSubjectRequests.at, toDate(p.at)), lt(dataSubjectRequests.id, p.id)),
  );

export class DrizzlePersonalDataRepository implements PersonalDataRepository {
  constructor(private readonly db: Db) {}

  async filesOwnedBy(leadId: LeadId, conversationIds: readonly ConversationId[]): Promise<MediaId[]> {
    const byConversation =
      conversationIds.length === 0
        ? undefined
        : and(eq(media.ownerKind, 'conversation'), inArray(media.ownerId, [...conversationIds]));
    const rows = await this.db
      .select({ id: media.id })
      .from(media)
      .where(or(and(eq(media.ownerKind, 'lead'), eq(media.ownerId, leadId)), byConversation))
      .orderBy(asc(media.createdAt), asc(media.id));
    return rows.map((r) => asId<MediaId>(r.id));
  }

  async erase(scope: ErasureScope, at: Instant): Promise<void> {
    // Consent evidence: when and to which policy, nothing that reaches the person. A future consent-evidence
    // table (issue 15: the tap's message id, the policy text's hash) is cleared of contact data here too.
    await this.db
      .update(consents)
      .set({
        email: null,
        evidenceOnlySince: sql`coalesce(${consents.evidenceOnlySince}, ${toDate(at).toISOString()}::timestamptz)`,
      })
      .where(eq(consents.leadId, scope.leadId));
    const entries = or(
      scope.waMessageIds.length === 0 ? undefined : inArray(inbox.waId, [...scope.waMessageIds]),
      scope.inboxKeys.length === 0 ? undefined : inArray(inbox.orderingKey, [...scope.inboxKeys]),
    );
    // Processed entries only dedupe redeliveries, which the messages' Meta ids still do; pending ones would bring
    // the erased messages back.
    if (entries !== undefined) await this.db.delete(inbox).where(and(eq(inbox.kind, 'message'), entries));
    if (scope.messageIds.length > 0)
      await this.db.delete(mediaFetches).where(inArray(mediaFetches.messageId, [...scope.messageIds]));
    // Files the database holds (PostgreSQL); files on disk are deleted by the media store after the commit.
    if (scope.mediaIds.length > 0) await this.db.delete(media).where(inArray(media.id, [...scope.mediaIds]));
  }

  async recordRequest(request: DataSubjectRequest): Promise<void> {
    await this.db.insert(dataSubjectRequests).values({
      id: request.id,
      leadId: request.leadId,
      kind: request.kind,
      actor: request.actor,
      at: toDate(request.at),
      mediaIds: [...request.mediaIds],
    });
  }

  async requests(query: {
    readonly leadId?: LeadId;
    readonly after?: RequestPosition;
    readonly limit: number;
  }): Promise<DataSubjectRequest[]> {
    const rows = await this.db
      .select()
      .from(dataSubjectRequests)
      .where(
        and(
          query.leadId === undefined ? undefined : eq(dataSubjectRequests.leadId, query.leadId),
          query.after === undefined ? undefined : olderThan(query.after),
        ),
      )
      .orderBy(desc(dataSubjectRequests.at), desc(dataSubjectRequests.id))
      .limit(query.limit);
    return rows.map(toRequest);
  }

  async requestsOf(leadId: LeadId): Promise<DataSubjectRequest[]> {
    const rows = await this.db
      .select()
      .from(dataSubjectRequests)
      .where(eq(dataSubjectRequests.leadId, leadId))
      .orderBy(asc(dataSubjectRequests.at), asc(dataSubjectRequests.id));
    return rows.map(toRequest);
  }
}
