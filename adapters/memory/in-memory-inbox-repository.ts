import {
  inboxWaId,
  orderingKey,
  type FailureRecorded,
  type InboxEntry,
  type InboxFailure,
  type InboxItem,
  type InboxRepository,
} from '../../application/ports/inbox-repository.ts';
import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { copy, type InboxRow, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryInboxRepository implements InboxRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async messageEnvelope(waMessageId: WaMessageId): Promise<InboundEnvelope | null> {
    const row = this.#store.data.inbox.find((r) => r.waId === waMessageId && r.entry.kind === 'message');
    return row?.entry.kind === 'message' ? copy(row.entry.envelope) : null;
  }

  async redactMessage(envelope: InboundEnvelope): Promise<void> {
    const row = this.#store.data.inbox.find((r) => r.waId === envelope.waMessageId && r.entry.kind === 'message');
    if (row !== undefined) row.entry = { kind: 'message', envelope: copy(envelope) };
  }

  async add(entry: InboxEntry, receivedAt: Instant): Promise<boolean> {
    const { inbox } = this.#store.data;
    const waId = inboxWaId(entry);
    if (inbox.some((row) => row.waId === waId)) return false;
    const id = (inbox.at(-1)?.id ?? 0) + 1;
    inbox.push({
      id,
      waId,
      key: orderingKey(entry),
      entry: copy(entry),
      receivedAt,
      processedAt: null,
      attempts: 0,
      failures: 0,
      notBefore: receivedAt,
      lastError: null,
      errorCode: null,
      deadLetteredAt: null,
      discardedAt: null,
    });
    return true;
  }

  /** Transactions run one at a time here, so no entry is ever held by another. */
  async claimNext(now: Instant): Promise<InboxItem | null> {
    const seen = new Set<string>();
    for (const row of this.#store.data.inbox) {
      if (row.processedAt !== null || seen.has(row.key)) continue;
      seen.add(row.key);
      if (row.notBefore <= now) {
        return copy({
          id: row.id,
          entry: row.entry,
          receivedAt: row.receivedAt,
          attempts: row.attempts,
          failures: row.failures,
        });
      }
    }
    return null;
  }

  async markProcessed(id: number, at: Instant): Promise<void> {
    this.#update(id, (row) => ({ ...row, processedAt: at }));
  }

  async deferAfterFailure(id: number, error: string, retryAt: Instant): Promise<void> {
    this.#update(id, (row) => ({ ...row, attempts: row.attempts + 1, lastError: error, notBefore: retryAt }));
  }

  async recordFailure(
    id: number,
    failure: InboxFailure,
    times: { at: Instant; retryAt: Instant },
    deadLetterAfter: number,
  ): Promise<FailureRecorded | null> {
    const row = this.#store.data.inbox.find((r) => r.id === id);
    if (row === undefined || row.processedAt !== null) return null;
    const failures = row.failures + 1;
    const deadLettered = failures >= deadLetterAfter;
    this.#update(id, (r) => ({
      ...r,
      attempts: r.attempts + 1,
      failures,
      lastError: failure.reason,
      errorCode: failure.code,
      notBefore: times.retryAt,
      ...(deadLettered ? { processedAt: times.at, deadLetteredAt: times.at } : {}),
    }));
    return { attempts: row.attempts + 1, failures, deadLettered };
  }

  async pendingCount(): Promise<number> {
    return this.#store.data.inbox.filter((row) => row.processedAt === null).length;
  }

  #update(id: number, change: (row: InboxRow) => InboxRow): void {
    const { inbox } = this.#store.data;
    const at = inbox.findIndex((row) => row.id === id);
    const row = inbox[at];
    if (row !== undefined) inbox[at] = change(row);
  }
}
