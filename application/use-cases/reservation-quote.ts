import type { Visit } from '../../domain/lead/lead.ts';
import type { QuoteId, UnitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { frozen, type FrozenQuote } from '../../domain/visit/reservation.ts';
import type { Repositories } from '../ports/unit-of-work.ts';
import { newerVersionOf } from './get-quote.ts';

/** The quote named is not one of this visit's for this unit. */
export type QuoteNotForUnit = { readonly type: 'QuoteNotForUnit'; readonly quoteId: QuoteId; readonly unitId: UnitId };

/** A newer version of the quote named exists: a separation freezes the price the lead has now. */
export type ReservedQuoteSuperseded = {
  readonly type: 'QuoteSuperseded';
  readonly quoteId: QuoteId;
  readonly latestId: QuoteId;
  readonly latestVersion: number;
};

export type FreezeQuoteError = QuoteNotForUnit | ReservedQuoteSuperseded;

/**
 * The quote a reservation of `unitId` freezes: the one named (it must be the visit's, for that unit, and its
 * newest version), else the visit's newest quote for the unit that no later version superseded, else null.
 */
export const quoteToFreeze = async (
  repos: Repositories,
  visit: Visit,
  unitId: UnitId,
  quoteId: QuoteId | undefined,
): Promise<Result<FrozenQuote | null, FreezeQuoteError>> => {
  if (quoteId !== undefined) {
    const record = await repos.quotes.byId(quoteId);
    if (record === null || record.visitId !== visit.id || record.quote.unitId !== unitId)
      return err({ type: 'QuoteNotForUnit', quoteId, unitId });
    const latest = await newerVersionOf(repos, record);
    if (latest !== null)
      return err({ type: 'QuoteSuperseded', quoteId, latestId: latest.quote.id, latestVersion: latest.quote.version });
    return ok(frozen(record.quote));
  }
  const newestFirst = (await repos.quotes.byVisit(visit.id))
    .filter((r) => r.quote.unitId === unitId)
    .sort((a, b) => b.quote.version - a.quote.version || b.quote.issuedAt - a.quote.issuedAt);
  for (const record of newestFirst) if ((await newerVersionOf(repos, record)) === null) return ok(frozen(record.quote));
  return ok(null);
};
