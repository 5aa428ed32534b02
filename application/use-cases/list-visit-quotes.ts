import type { VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { QuoteView } from './get-quote.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleVisit, type VisitNotFound } from './visit-access.ts';

/**
 * The quotes made for a visit, newest first, for the visit card: every version, each marked when a newer version of
 * its number is listed too.
 */
export class ListVisitQuotes {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: {
    readonly actor: Actor;
    readonly visitId: VisitId;
  }): Promise<Result<QuoteView[], VisitNotFound>> {
    return this.uow.transaction(async (repos) => {
      const found = await visibleVisit(repos, input.actor, input.visitId);
      if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId } as const);
      const records = await repos.quotes.byVisit(found.visit.id);
      const newest = new Map<string, number>();
      for (const { quote } of records) newest.set(quote.number, Math.max(newest.get(quote.number) ?? 0, quote.version));
      const newestFirst = (a: QuoteRecord, b: QuoteRecord): number =>
        b.quote.issuedAt - a.quote.issuedAt ||
        b.quote.number.localeCompare(a.quote.number) ||
        b.quote.version - a.quote.version;
      return ok(
        [...records]
          .sort(newestFirst)
          .map((record) => ({ record, superseded: (newest.get(record.quote.number) ?? 0) > record.quote.version })),
      );
    });
  }
}
