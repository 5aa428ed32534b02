import type { Quote } from '../../domain/quote/quote.ts';
import type { ConversationId, MediaId, QuoteId, VisitId } from '../../domain/shared/ids.ts';

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
  /** Inserts or replaces by quote id. */
  save(record: QuoteRecord): Promise<void>;
}
