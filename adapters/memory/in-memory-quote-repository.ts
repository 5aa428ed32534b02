import { Conflict } from '../../application/ports/conflict.ts';
import type { QuoteRecord, QuoteRepository } from '../../application/ports/quote-repository.ts';
import type { ConversationId, MediaId, QuoteId, UnitId, VisitId } from '../../domain/shared/ids.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

/** Lists come back in the order the quotes were issued (their sequence numbers grow with time). */
const byIssue = (a: QuoteRecord, b: QuoteRecord): number => a.quote.issuedAt - b.quote.issuedAt;

export class InMemoryQuoteRepository implements QuoteRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async nextSequence(): Promise<number> {
    this.#store.data.quoteSequence += 1;
    return this.#store.data.quoteSequence;
  }

  async byId(id: QuoteId): Promise<QuoteRecord | null> {
    return copy(this.#store.data.quotes.get(id) ?? null);
  }

  async byVisit(visitId: VisitId): Promise<QuoteRecord[]> {
    return copy(
      this.#all()
        .filter((r) => r.visitId === visitId)
        .sort(byIssue),
    );
  }

  async byConversation(conversationId: ConversationId): Promise<QuoteRecord[]> {
    return copy(
      this.#all()
        .filter((r) => r.conversationId === conversationId)
        .sort(byIssue),
    );
  }

  async latestForUnit(conversationId: ConversationId, unitId: UnitId): Promise<QuoteRecord | null> {
    const versions = this.#all().filter((r) => r.conversationId === conversationId && r.quote.unitId === unitId);
    return copy(versions.sort((a, b) => b.quote.version - a.quote.version)[0] ?? null);
  }

  async anyForUnit(unitId: UnitId): Promise<boolean> {
    return this.#all().some((r) => r.quote.unitId === unitId);
  }

  async byPdfMedia(mediaId: MediaId): Promise<QuoteRecord[]> {
    return copy(
      this.#all()
        .filter((r) => r.pdfMediaId === mediaId)
        .sort(byIssue),
    );
  }

  async save(record: QuoteRecord): Promise<void> {
    const { id, number, version } = record.quote;
    if (this.#all().some((r) => r.quote.id !== id && r.quote.number === number && r.quote.version === version))
      throw new Conflict('quote', `${number} version ${version}`);
    this.#store.data.quotes.set(record.quote.id, copy(record));
  }

  #all(): QuoteRecord[] {
    return [...this.#store.data.quotes.values()];
  }
}
