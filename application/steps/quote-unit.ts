import { referenceUnit } from '../../domain/catalog/search.ts';
import type { Unit } from '../../domain/catalog/catalog.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import { atStage } from '../../domain/lead/lead.ts';
import { advanceIfAllowed } from '../../domain/visit/funnel.ts';
import type { HousingRules } from '../../domain/quote/price-regime.ts';
import { quoteNumber, quoteReference, simulateQuote, type QuoteError } from '../../domain/quote/quote.ts';
import {
  formatPhoneCo,
  type PropertyDetails,
  propertyDetailsOf,
  type QuoteDocument,
} from '../../domain/quote/quote-document.ts';
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
import type { Repositories, Transaction } from '../ports/unit-of-work.ts';
import { leadOwner } from '../use-cases/media-access.ts';
import { QuotePdfNeeded, type QuoteDocumentContext, type QuoteDrafts } from '../use-cases/quote-drafts.ts';

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
 * What the proposal prints besides the figures, read in the transaction: the builder, the client (the lead, or the
 * WhatsApp profile while the bot has not registered one) and the lead's advisor.
 */
const documentContext = async (
  repos: Repositories,
  input: QuoteUnitInput,
  property: PropertyDetails,
): Promise<QuoteDocumentContext> => {
  const { conversation } = input;
  const lead = conversation.leadId === null ? null : await repos.leads.byId(conversation.leadId);
  const advisor = lead?.advisorId == null ? null : await repos.organisation.user(lead.advisorId);
  const phone = lead?.phone ?? conversation.contact.phone;
  return {
    labels: input.labels,
    builder: await repos.builder.current(),
    client: {
      name: lead?.name ?? conversation.profileName,
      email: lead?.email ?? null,
      phone: phone === null ? null : formatPhoneCo(phone),
    },
    advisor: advisor === null ? null : { name: advisor.name, email: advisor.email, phone: null },
    dataPolicyUrl: (await repos.settings.current()).policy.url || null,
    property,
  };
};

/** A visit that receives a quote moves to "cotizado" when the funnel allows it (a visit further on stays where it is). */
const markQuoted = async (tx: Transaction, visitId: VisitId | null): Promise<void> => {
  const visit = visitId === null ? null : await tx.visits.byId(visitId);
  if (visit === null) return;
  const stage = advanceIfAllowed(visit.stage, 'quoted');
  if (stage === visit.stage) return;
  await tx.visits.save(atStage(visit, stage));
  tx.events.record({ type: 'visit_changed', leadId: visit.leadId, visitId: visit.id });
};

/**
 * Simulates the builder's proposal for a unit and stores it with its PDF, inside the caller's transaction (a step of
 * the bot's turn and of the visit card's "quote this unit"). The
 * PDF is never rendered there: without a draft of this very document (same figures, number, labels, builder,
 * client and advisor) the
 * transaction is stopped with `QuotePdfNeeded`, the PDF rendered outside it, and the transaction run again
 * (`withQuoteDrafts`); then the file and the quote are stored together, in that one short transaction. The PDF
 * belongs to the quote's lead (to its conversation while the bot has not registered one), not to whoever asked:
 * the advisor the lead has, now or later, reads and resends it.
 */
export const quoteUnit = async (
  repos: Transaction,
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
  // A unit quoted to this lead before keeps its number, with the next version; the earlier ones stay as they were.
  const previous = await repos.quotes.latestForUnit(input.conversation.id, unit.id);
  const number = previous?.quote.number ?? quoteNumber(await repos.quotes.nextSequence());
  const version = previous === null ? 1 : previous.quote.version + 1;
  const simulate = (id: QuoteId, issuedAt: Instant) =>
    simulateQuote({
      id,
      number,
      version,
      issuedAt,
      project,
      unitType,
      unit,
      extraIds: input.extraIds ?? [],
      savings: (input.savings ?? []).map((s) => ({ ...s, amount: { amount: s.amount, currency: project.currency } })),
      savingsToConfirm: input.savingsToConfirm ?? false,
      ...(deps.housingRules === undefined ? {} : { housingRules: deps.housingRules }),
    });
  const context = await documentContext(repos, input, propertyDetailsOf(project, unit));
  const draft = drafts.find((drafted) => {
    const again = simulate(drafted.id, drafted.issuedAt);
    return again.ok ? again.value : null;
  }, context);
  if (draft === null) {
    const quote = simulate(deps.ids.next('quote'), deps.clock.now());
    if (!quote.ok) return quote;
    const document: QuoteDocument = { quote: quote.value, ...context };
    throw new QuotePdfNeeded(async () => ({ document, pdf: await deps.renderer.render(document) }));
  }
  const quote = draft.document.quote;
  const pdfMediaId = await deps.media.put({
    bytes: draft.pdf,
    mimeType: 'application/pdf',
    filename: `${quoteReference(quote)}.pdf`,
    owner: leadOwner(input.conversation.leadId, input.conversation.id),
  });
  const record: QuoteRecord = {
    quote,
    conversationId: input.conversation.id,
    visitId: input.visitId,
    pdfMediaId,
  };
  await repos.quotes.save(record);
  await markQuoted(repos, input.visitId);
  return ok(record);
};
