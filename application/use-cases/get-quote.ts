import type { QuoteId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleLead } from './lead-access.ts';

/** A stored quote, any version, and whether a newer version of it exists (then it is readable, not sendable). */
export type QuoteView = { readonly record: QuoteRecord; readonly superseded: boolean };

/** The newest version of a quote's unit to its conversation, when it is newer than `record`; else null. */
export const newerVersionOf = async (repos: Repositories, record: QuoteRecord): Promise<QuoteRecord | null> => {
  const latest = await repos.quotes.latestForUnit(record.conversationId, record.quote.unitId);
  return latest !== null && latest.quote.version > record.quote.version ? latest : null;
};

export type GetQuoteError = { readonly type: 'QuoteNotFound'; readonly quoteId: QuoteId };

/** Reads one quote as issued; the quote of a lead the actor may not see is "not found". */
export class GetQuote {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: {
    readonly actor: Actor;
    readonly quoteId: QuoteId;
  }): Promise<Result<QuoteView, GetQuoteError>> {
    return this.uow.transaction(async (repos) => {
      const record = await repos.quotes.byId(input.quoteId);
      const conversation = record === null ? null : await repos.conversations.byId(record.conversationId);
      const lead = conversation?.leadId == null ? null : await visibleLead(repos, input.actor, conversation.leadId);
      if (record === null || lead === null) return err({ type: 'QuoteNotFound', quoteId: input.quoteId } as const);
      return ok({ record, superseded: (await newerVersionOf(repos, record)) !== null });
    });
  }
}
