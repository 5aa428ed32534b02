import type {
  ErasureScope,
  PersonalDataRepository,
  RequestPosition,
} from '../../application/ports/personal-data-repository.ts';
import type { DataSubjectRequest } from '../../domain/lead/erasure.ts';
import type { ConversationId, LeadId, MediaId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

const newestFirst = (a: DataSubjectRequest, b: DataSubjectRequest): number =>
  b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const isAfter = (r: DataSubjectRequest, p: RequestPosition): boolean => r.at < p.at || (r.at === p.at && r.id < p.id);

/**
 * Files here sit beside the data, as on disk: not transactional, so `erase` leaves them to the media store's
 * `delete` after the commit.
 */
export class InMemoryPersonalDataRepository implements PersonalDataRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async filesOwnedBy(leadId: LeadId, conversationIds: readonly ConversationId[]): Promise<MediaId[]> {
    return [...this.#store.media.entries()]
      .filter(
        ([, m]) =>
          (m.owner?.kind === 'lead' && m.owner.leadId === leadId) ||
          (m.owner?.kind === 'conversation' && conversationIds.includes(m.owner.conversationId)),
      )
      .map(([id]) => id);
  }

  async erase(scope: ErasureScope, at: Instant): Promise<void> {
    const { data } = this.#store;
    data.consents = data.consents.map((c) =>
      c.leadId === scope.leadId ? { ...c, email: null, evidenceOnlySince: c.evidenceOnlySince ?? at } : c,
    );
    const wamids = new Set<string>(scope.waMessageIds);
    const keys = new Set(scope.inboxKeys);
    data.inbox = data.inbox.filter(
      (row) => row.entry.kind !== 'message' || !(wamids.has(row.waId) || keys.has(row.key)),
    );
    for (const id of scope.messageIds) data.mediaFetches.delete(id);
  }

  async recordRequest(request: DataSubjectRequest): Promise<void> {
    this.#store.data.dataSubjectRequests.push(copy(request));
  }

  async requests(query: {
    readonly leadId?: LeadId;
    readonly after?: RequestPosition;
    readonly limit: number;
  }): Promise<DataSubjectRequest[]> {
    const { leadId, after } = query;
    return this.#store.data.dataSubjectRequests
      .filter((r) => (leadId === undefined || r.leadId === leadId) && (after === undefined || isAfter(r, after)))
      .sort(newestFirst)
      .slice(0, query.limit)
      .map(copy);
  }

  async requestsOf(leadId: LeadId): Promise<DataSubjectRequest[]> {
    return this.#store.data.dataSubjectRequests.filter((r) => r.leadId === leadId).map(copy);
  }
}
