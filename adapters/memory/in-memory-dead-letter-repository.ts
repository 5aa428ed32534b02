import type {
  DeadLetter,
  DeadLetterPosition,
  DeadLetterRepository,
  DeadLetterStatus,
  DeadLetterSummary,
} from '../../application/ports/dead-letter-repository.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { copy, type InboxRow, type InMemoryStore } from './in-memory-store.ts';

type DeadRow = InboxRow & { readonly deadLetteredAt: Instant };

const isDead = (row: InboxRow): row is DeadRow => row.deadLetteredAt !== null;
const newestFirst = (a: DeadRow, b: DeadRow): number => b.deadLetteredAt - a.deadLetteredAt || b.id - a.id;
const isAfter = (row: DeadRow, p: DeadLetterPosition): boolean =>
  row.deadLetteredAt < p.deadLetteredAt || (row.deadLetteredAt === p.deadLetteredAt && row.id < p.id);

const summary = (row: DeadRow): DeadLetterSummary => ({
  id: row.id,
  kind: row.entry.kind,
  receivedAt: row.receivedAt,
  attempts: row.attempts,
  lastError: { code: row.errorCode ?? 'unknown', reason: row.lastError ?? '' },
  deadLetteredAt: row.deadLetteredAt,
  discardedAt: row.discardedAt,
});

export class InMemoryDeadLetterRepository implements DeadLetterRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async list(query: {
    status: DeadLetterStatus;
    after: DeadLetterPosition | null;
    limit: number;
  }): Promise<DeadLetterSummary[]> {
    const discarded = query.status === 'discarded';
    return this.#store.data.inbox
      .filter(isDead)
      .filter((row) => (row.discardedAt !== null) === discarded && (query.after === null || isAfter(row, query.after)))
      .sort(newestFirst)
      .slice(0, query.limit)
      .map(summary);
  }

  async byId(id: number): Promise<DeadLetter | null> {
    const row = this.#store.data.inbox.find((r) => r.id === id);
    return row === undefined || !isDead(row) ? null : copy({ ...summary(row), entry: row.entry });
  }

  async requeue(id: number, now: Instant): Promise<number | null> {
    const { inbox } = this.#store.data;
    const at = inbox.findIndex((r) => r.id === id);
    const row = inbox[at];
    if (row === undefined || !isDead(row) || row.discardedAt !== null) return null;
    const newId = (inbox.at(-1)?.id ?? 0) + 1;
    inbox.splice(at, 1);
    inbox.push({
      ...row,
      id: newId,
      processedAt: null,
      attempts: 0,
      failures: 0,
      notBefore: now,
      deadLetteredAt: null,
      discardedAt: null,
    });
    return newId;
  }

  async discard(id: number, at: Instant): Promise<DeadLetter | null> {
    const { inbox } = this.#store.data;
    const index = inbox.findIndex((r) => r.id === id);
    const row = inbox[index];
    if (row === undefined || !isDead(row)) return null;
    const discarded: DeadRow = { ...row, discardedAt: row.discardedAt ?? at };
    inbox[index] = discarded;
    return copy({ ...summary(discarded), entry: discarded.entry });
  }
}
