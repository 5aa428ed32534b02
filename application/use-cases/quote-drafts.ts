import type { Quote } from '../../domain/quote/quote.ts';
import type { QuoteLabels } from '../../domain/quote/quote-labels.ts';

/** A quote with its PDF, rendered outside any transaction, for the transaction that stores them. */
export type QuoteDraft = { readonly quote: Quote; readonly labels: QuoteLabels; readonly pdf: Uint8Array };

/**
 * Thrown inside a transaction that has just computed a quote (from its catalogue and the next number) but
 * has no PDF for it: rendering is not done inside a transaction. It rolls back; `render` renders the PDF
 * outside it, and the transaction runs again with the draft (see `withQuoteDrafts`).
 */
export class QuotePdfNeeded extends Error {
  constructor(readonly render: () => Promise<QuoteDraft>) {
    super('a quote PDF is to be rendered outside the transaction');
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The PDFs rendered for one piece of work, across its runs. */
export class QuoteDrafts {
  readonly #drafts: QuoteDraft[] = [];

  add(draft: QuoteDraft): void {
    this.#drafts.push(draft);
  }

  /**
   * The draft of a quote `compute` gives again, with the draft's id and issue time, under the same labels: the
   * same document. `null` when none (the catalogue or the number changed meanwhile: the PDF would differ).
   */
  find(compute: (draft: Quote) => Quote | null, labels: QuoteLabels): QuoteDraft | null {
    return this.#drafts.find((d) => same(d.labels, labels) && same(compute(d.quote), d.quote)) ?? null;
  }
}

/** Rounds of rendering before giving up: a quote's number or catalogue changing under it each time. */
const MAX_ROUNDS = 4;

/**
 * Runs `work` (a transaction that may store quotes) until it no longer needs a PDF it has not got: each
 * `QuotePdfNeeded` it throws is rendered outside the transaction, then the work runs again with the draft.
 * The work decides the same things again (it is one transaction from the start), and uses the draft only
 * when the quote it computes is the one drafted.
 */
export const withQuoteDrafts = async <T>(work: (drafts: QuoteDrafts) => Promise<T>): Promise<T> => {
  const drafts = new QuoteDrafts();
  for (let round = 1; ; round++) {
    try {
      return await work(drafts);
    } catch (error) {
      if (!(error instanceof QuotePdfNeeded) || round >= MAX_ROUNDS) throw error;
      drafts.add(await error.render());
    }
  }
};
