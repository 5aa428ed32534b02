import { referenceUnit } from '../../domain/catalog/search.ts';
import type { Unit } from '../../domain/catalog/catalog.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import type { HousingRules } from '../../domain/quote/price-regime.ts';
import { quoteNumber, simulateQuote, type QuoteError } from '../../domain/quote/quote.ts';
import type { SavingKind } from '../../domain/quote/quote-options.ts';
import type { QuoteLabels } from '../../domain/quote/quote-labels.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { ProjectId, QuoteId, UnitTypeId, UnitId, VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { MediaStore } from '../ports/media-store.ts';
import type { QuoteDocumentRenderer } from '../ports/quote-document-renderer.ts';
import type { QuoteRecord } from '../ports/quote-repository.ts';
import type { Repositories } from '../ports/unit-of-work.ts';
import { leadOwner } from '../use-cases/media-access.ts';
import { QuotePdfNeeded, type QuoteDrafts } from '../use-cases/quote-drafts.ts';

export type QuoteUnitInput = {
  readonly conversation: Conversation;
  readonly visitId: VisitId | null;
  readonly projectId: ProjectId;
  readonly unitTypeId: UnitTypeId;
  /** A specific unit; by default the unit type's reference unit (its cheapest available one). */
  readonly unitId?: UnitId;
  readonly labels: QuoteLabels;
  /** Optional extras of the project, by catalogue id. */
  readonly extraIds?: readonly string[];
  /** Amounts in minor units of the project's currency. */
  readonly savings?: readonly SavingRequest[];
  /** The lead will use cesantías or a subsidy, amounts unknown: the quote says an advisor confirms them. */
  readonly savingsToConfirm?: boolean;
};

export type SavingRequest = { readonly kind: SavingKind; readonly amount: number; readonly label?: string };

export type QuoteUnitError =
  | { readonly type: 'ProjectNotFound'; readonly projectId: ProjectId }
  | { readonly type: 'UnitTypeNotFound'; readonly unitTypeId: UnitTypeId }
  | { readonly type: 'NoUnitToQuote'; readonly unitTypeId: UnitTypeId }
  /** The unit asked for is sold or reserved: never quoted. */
  | { readonly type: 'UnitUnavailable'; readonly unitId: UnitId; readonly status: Unit['status'] }
  | QuoteError;

export type QuoteUnitDeps = {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly renderer: QuoteDocumentRenderer;
  readonly media: MediaStore;
  /** SMMLV and VIS/VIP caps; `defaultHousingRules` when not configured. */
  readonly housingRules?: HousingRules;
};

/**
 * Simulates the builder's proposal for a unit and stores it with its PDF, inside the caller's transaction (a step of
 * the bot's turn and of the visit card's "quote this unit"). The
 * PDF is never rendered there: without a draft of this very quote (same figures, number and labels) the
 * transaction is stopped with `QuotePdfNeeded`, the PDF rendered outside it, and the transaction run again
 * (`withQuoteDrafts`); then the file and the quote are stored together, in that one short transaction. The PDF
 * belongs to the quote's lead (to its conversation while the bot has not registered one), not to whoever asked:
 * the advisor the lead has, now or later, reads and resends it.
 */
export const quoteUnit = async (
  repos: Repositories,
  deps: QuoteUnitDeps,
  input: QuoteUnitInput,
  drafts: QuoteDrafts,
): Promise<Result<QuoteRecord, QuoteUnitError>> => {
  const catalog = await repos.catalog.all();
  const project = catalog.projects.find((p) => p.id === input.projectId);
  if (project === undefined) return err({ type: 'ProjectNotFound', projectId: input.projectId });
  const unitType = catalog.unitTypes.find((t) => t.id === input.unitTypeId && t.projectId === project.id);
  if (unitType === undefined) return err({ type: 'UnitTypeNotFound', unitTypeId: input.unitTypeId });
  const unit =
    input.unitId === undefined
      ? referenceUnit(catalog, unitType.id)
      : (catalog.units.find((u) => u.id === input.unitId && u.unitTypeId === unitType.id) ?? null);
  if (unit === null) return err({ type: 'NoUnitToQuote', unitTypeId: unitType.id });
  if (unit.status !== 'available') return err({ type: 'UnitUnavailable', unitId: unit.id, status: unit.status });
  const number = quoteNumber(await repos.quotes.nextSequence());
  const simulate = (id: QuoteId, issuedAt: Instant) =>
    simulateQuote({
      id,
      number,
      issuedAt,
      project,
      unitType,
      unit,
      extraIds: input.extraIds ?? [],
      savings: (input.savings ?? []).map((s) => ({ ...s, amount: { amount: s.amount, currency: project.currency } })),
      savingsToConfirm: input.savingsToConfirm ?? false,
      ...(deps.housingRules === undefined ? {} : { housingRules: deps.housingRules }),
    });
  const draft = drafts.find((drafted) => {
    const again = simulate(drafted.id, drafted.issuedAt);
    return again.ok ? again.value : null;
  }, input.labels);
  if (draft === null) {
    const quote = simulate(deps.ids.next('quote'), deps.clock.now());
    if (!quote.ok) return quote;
    const labels = input.labels;
    throw new QuotePdfNeeded(async () => ({
      quote: quote.value,
      labels,
      pdf: await deps.renderer.render(quote.value, labels),
    }));
  }
  const pdfMediaId = await deps.media.put({
    bytes: draft.pdf,
    mimeType: 'application/pdf',
    filename: `${draft.quote.number}.pdf`,
    owner: leadOwner(input.conversation.leadId, input.conversation.id),
  });
  const record: QuoteRecord = {
    quote: draft.quote,
    conversationId: input.conversation.id,
    visitId: input.visitId,
    pdfMediaId,
  };
  await repos.quotes.save(record);
  return ok(record);
};
