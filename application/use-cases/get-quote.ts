import type { QuoteId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { visibleLead } from './lead-access.ts';

/** A stored quote, any version, and whether a newer version of it exists (then it is readable, not sendable). */
export type QuoteView = { readonly record: QuoteRecord; readonly superseded: boolean };

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
      const latest = await repos.quotes.latestForUnit(record.conversationId, record.quote.unitId);
      return ok({ record, superseded: latest !== null && latest.quote.version > record.quote.version });
    });
  }
}
