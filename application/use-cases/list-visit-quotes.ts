import type { VisitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleVisit, type VisitNotFound } from './visit-access.ts';

/** The quotes made for a visit, newest first, for the visit card. */
export class ListVisitQuotes {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: {
    readonly actor: Actor;
    readonly visitId: VisitId;
  }): Promise<Result<QuoteRecord[], VisitNotFound>> {
    return this.uow.transaction(async (repos) => {
      const found = await visibleVisit(repos, input.actor, input.visitId);
      if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId } as const);
      const records = await repos.quotes.byVisit(found.visit.id);
      return ok(
        [...records].sort(
          (a, b) => b.quote.issuedAt - a.quote.issuedAt || b.quote.number.localeCompare(a.quote.number),
        ),
      );
    });
  }
}
