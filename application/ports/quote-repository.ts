import type { Quote } from '../../domain/quote/quote.ts';
import type { ConversationId, MediaId, QuoteId, UnitId, VisitId } from '../../domain/shared/ids.ts';

/** A stored quote: the figures, who it was for, and its PDF. */
export type QuoteRecord = {
  readonly quote: Quote;
  readonly conversationId: ConversationId;
  readonly visitId: VisitId | null;
  readonly pdfMediaId: MediaId | null;
};

export interface QuoteRepository {
  /** The next quote number in an unbroken sequence (1, 2, 3…), unique across instances. */
  nextSequence(): Promise<number>;
  /** Returns `null` when absent. */
  byId(id: QuoteId): Promise<QuoteRecord | null>;
  byVisit(visitId: VisitId): Promise<QuoteRecord[]>;
  byConversation(conversationId: ConversationId): Promise<QuoteRecord[]>;
  /** The newest version of the quotes made for a unit in a conversation; `null` when it was never quoted there. */
  latestForUnit(conversationId: ConversationId, unitId: UnitId): Promise<QuoteRecord | null>;
  /** Whether any quote, whatever its state, was made for the unit. */
  anyForUnit(unitId: UnitId): Promise<boolean>;
  /** The quotes whose PDF is this file. */
  byPdfMedia(mediaId: MediaId): Promise<QuoteRecord[]>;
  /** Inserts or replaces by quote id. */
  save(record: QuoteRecord): Promise<void>;
}
