import type { QuoteDocument } from '../../domain/quote/quote-document.ts';

export interface QuoteDocumentRenderer {
  /** Renders the proposal (the quote, who issues it, who it is for) as a PDF; throws only on infrastructure failure. */
  render(document: QuoteDocument): Promise<Uint8Array>;
}
