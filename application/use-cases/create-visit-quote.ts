import type { LeadId, UnitId, UnitTypeId, VisitId } from '../../domain/shared/ids.ts';
import { err, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import { quoteUnit, type QuoteUnitDeps, type QuoteUnitError, type SavingRequest } from '../steps/quote-unit.ts';
import { type QuoteDrafts, withQuoteDrafts } from './quote-drafts.ts';
import { visibleVisit, type VisitNotFound } from './visit-access.ts';

/** Which unit to quote: a specific unit, or a unit type (its reference unit); at least one. */
export type CreateVisitQuoteInput = {
  readonly actor: Actor;
  readonly visitId: VisitId;
  readonly unitId?: UnitId;
  readonly unitTypeId?: UnitTypeId;
  /** Optional extras of the project by catalogue id; an unknown one is refused (`UnknownExtra`). */
  readonly extraIds?: readonly string[];
  readonly savings?: readonly SavingRequest[];
};

export type CreateVisitQuoteError =
  | VisitNotFound
  | { readonly type: 'LeadHasNoConversation'; readonly leadId: LeadId }
  | { readonly type: 'UnitNotFound'; readonly unitId: UnitId }
  | { readonly type: 'UnitOrUnitTypeRequired' }
  /** The general visit ("sin proyecto") has no project to quote from. */
  | { readonly type: 'VisitHasNoProject'; readonly visitId: VisitId }
  | QuoteUnitError;

/**
 * The visit card's "quote this unit": simulates the builder's proposal for a unit of the visit's project,
 * stores it with its PDF under the visit and the lead's latest conversation, in one transaction (the PDF rendered
 * outside it, see `withQuoteDrafts`).
 */
export class CreateVisitQuote {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deps: QuoteUnitDeps,
  ) {}

  async execute(input: CreateVisitQuoteInput): Promise<Result<QuoteRecord, CreateVisitQuoteError>> {
    return withQuoteDrafts((drafts) => this.#within(input, drafts));
  }

  #within(input: CreateVisitQuoteInput, drafts: QuoteDrafts): Promise<Result<QuoteRecord, CreateVisitQuoteError>> {
    return this.uow.transaction(async (repos): Promise<Result<QuoteRecord, CreateVisitQuoteError>> => {
      const found = await visibleVisit(repos, input.actor, input.visitId);
      if (found === null) return err({ type: 'VisitNotFound', visitId: input.visitId });
      const { visit, lead } = found;
      if (visit.projectId === null) return err({ type: 'VisitHasNoProject', visitId: visit.id });
      const conversation = (await repos.conversations.byLead(lead.id))[0] ?? null;
      if (conversation === null) return err({ type: 'LeadHasNoConversation', leadId: lead.id });
      const unitTypeId = await this.unitTypeOf(repos, input);
      if (!unitTypeId.ok) return unitTypeId;
      const { quoteLabels } = await repos.settings.current();
      return quoteUnit(
        repos,
        this.deps,
        {
          conversation,
          visitId: visit.id,
          projectId: visit.projectId,
          unitTypeId: unitTypeId.value,
          ...(input.unitId === undefined ? {} : { unitId: input.unitId }),
          labels: quoteLabels,
          extraIds: input.extraIds ?? [],
          savings: input.savings ?? [],
        },
        drafts,
      );
    });
  }

  private async unitTypeOf(
    repos: Repositories,
    input: CreateVisitQuoteInput,
  ): Promise<Result<UnitTypeId, CreateVisitQuoteError>> {
    if (input.unitId === undefined) {
      return input.unitTypeId === undefined
        ? err({ type: 'UnitOrUnitTypeRequired' })
        : { ok: true, value: input.unitTypeId };
    }
    const unit = (await repos.catalog.all()).units.find((u) => u.id === input.unitId);
    if (unit === undefined) return err({ type: 'UnitNotFound', unitId: input.unitId });
    // A unit type that disagrees with the unit is left to the simulation, which refuses it.
    return { ok: true, value: input.unitTypeId ?? unit.unitTypeId };
  }
}
