import { inboxWaId, orderingKey, type InboxEntry, type InboxItem, type InboxRepository } from '../../application/ports/inbox-repository.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { copy, type InboxRow, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryInboxRepository implements InboxRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async add(entry: InboxEntry, receivedAt: Instant): Promise<boolean> {
    const { inbox } = this.#store.data;
    const waId = inboxWaId(entry);
    if (inbox.some((row) => row.waId === waId)) return false;
    const id = (inbox.at(-1)?.id ?? 0) + 1;
    inbox.push({ id, waId, key: orderingKey(entry), entry: copy(entry), receivedAt, processedAt: null, attempts: 0, notBefore: receivedAt, lastError: null });
    return true;
  }

  /** Transactions run one at a time here, so no entry is ever held by another. */
  async claimNext(now: Instant): Promise<InboxItem | null> {
    const seen = new Set<string>();
    for (const row of this.#store.data.inbox) {
      if (row.processedAt !== null || seen.has(row.key)) continue;
      seen.add(row.key);
      if (row.notBefore <= now) return copy({ id: row.id, entry: row.entry, receivedAt: row.receivedAt, attempts: row.attempts });
    }
    return null;
  }

  async markProcessed(id: number, at: Instant): Promise<void> {
    this.#update(id, (row) => ({ ...row, processedAt: at }));
  }

  async deferAfterFailure(id: number, error: string, retryAt: Instant): Promise<void> {
    this.#update(id, (row) => ({ ...row, attempts: row.attempts + 1, lastError: error, notBefore: retryAt }));
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
