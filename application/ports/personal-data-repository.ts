import type { DataSubjectRequest, DataSubjectRequestId } from '../../domain/lead/erasure.ts';
import type { ConversationId, LeadId, MediaId, MessageId, WaMessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';

/** One consent in the lead's history, as stored (see `LeadRepository.consentsOf`). */
export type { ConsentRecord } from './lead-repository.ts';

/** Everything of a lead's that the other repositories do not reach by lead or conversation. */
export type ErasureScope = {
  readonly leadId: LeadId;
  readonly messageIds: readonly MessageId[];
  readonly waMessageIds: readonly WaMessageId[];
  /** The inbox ordering keys the lead's messages are queued under (`messageKeysOf`). */
  readonly inboxKeys: readonly string[];
  /** Files to delete (the lead's, its conversations', those its messages carried, its quotes' PDFs). */
  readonly mediaIds: readonly MediaId[];
};

/** Where a page of requests starts: strictly after (older than) this one. */
export type RequestPosition = { readonly at: Instant; readonly id: DataSubjectRequestId };

/**
 * Personal data across tables, for data subjects' rights (Ley 1581 de 2012): what the other repositories do not
 * read or change, and the audit of the requests. Throws only on infrastructure failure.
 */
export interface PersonalDataRepository {
  /** Ids of the files owned by the lead or by any of these conversations. */
  filesOwnedBy(leadId: LeadId, conversationIds: readonly ConversationId[]): Promise<MediaId[]>;
  /**
   * Inside the erasure's transaction: the consent records keep only time and policy version, marked as evidence
   * (`evidenceOnlySince`, first erasure's time kept); the inbox entries of the scope's messages or keys (and so
   * their dead letters), their pending file copies and the files the database holds are deleted. Idempotent.
   * A future consent table (the consent evidence of issue 15) is erased here too.
   */
  erase(scope: ErasureScope, at: Instant): Promise<void>;
  recordRequest(request: DataSubjectRequest): Promise<void>;
  /** At most `limit` requests, newest first (then by id), older than `after`; `leadId` narrows to one lead's. */
  requests(query: {
    readonly leadId?: LeadId;
    readonly after?: RequestPosition;
    readonly limit: number;
  }): Promise<DataSubjectRequest[]>;
  /** Every request about one lead, oldest first (few: an export, an erasure). */
  requestsOf(leadId: LeadId): Promise<DataSubjectRequest[]>;
}
