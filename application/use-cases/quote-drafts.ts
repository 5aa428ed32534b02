import type { Quote } from '../../domain/quote/quote.ts';
import type { QuoteDocument } from '../../domain/quote/quote-document.ts';

/** A proposal with its PDF, rendered outside any transaction, for the transaction that stores them. */
export type QuoteDraft = { readonly document: QuoteDocument; readonly pdf: Uint8Array };

/** What the PDF prints besides the quote's figures: the labels, the builder, the client, the advisor. */
export type QuoteDocumentContext = Omit<QuoteDocument, 'quote'>;

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

/** Structural equality of plain data, byte by byte for the logo's bytes. */
const same = (a: unknown, b: unknown): boolean => {
  if (a instanceof Uint8Array || b instanceof Uint8Array)
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
};

/** The PDFs rendered for one piece of work, across its runs. */
export class QuoteDrafts {
  readonly #drafts: QuoteDraft[] = [];

  add(draft: QuoteDraft): void {
    this.#drafts.push(draft);
  }

  /**
   * The draft of a quote `compute` gives again, with the draft's id and issue time, printed with the same
   * context (labels, builder, client, advisor): the same document. `null` when none (the catalogue, the number,
   * the client's name or the advisor changed meanwhile: the PDF would differ).
   */
  find(compute: (draft: Quote) => Quote | null, context: QuoteDocumentContext): QuoteDraft | null {
    return (
      this.#drafts.find(
        ({ document: { quote, ...drafted } }) => same(drafted, context) && same(compute(quote), quote),
      ) ?? null
    );
  }
}

/** Rounds of rendering before giving up: a quote's number or catalogue changing under it each time. */
const MAX_ROUNDS = 4;

/**
 * Runs `work` (a transaction that may store quotes) until it no longer needs a PDF it has not got: each
 * `QuotePdfNeeded` it throws is rendered outside the transaction, then the work runs again with the draft.
 * The work decides the same things again (it is one transaction from the start), and uses the draft only
 * when the document it builds is the one drafted.
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
