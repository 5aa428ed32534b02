import type { Quote } from '../../domain/quote/quote.ts';
import type { QuoteLabels } from '../../domain/quote/quote-labels.ts';

export interface QuoteDocumentRenderer {
  /** Renders the quote as a PDF; throws only on infrastructure failure. */
  render(quote: Quote, labels: QuoteLabels): Promise<Uint8Array>;
}
