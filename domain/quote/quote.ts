import {
  type FinancingType,
  financingFor,
  type HousingRegime,
  type PaymentPlan,
  type Project,
  type Unit,
  type UnitType,
} from '../catalog/catalog.ts';
import { datedPlanProblem } from '../catalog/payment-plan-dates.ts';
import type { ProjectId, QuoteId, UnitId, UnitTypeId } from '../shared/ids.ts';
import type { IsoDate } from '../shared/calendar.ts';
import type { Currency, Money } from '../shared/money.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { DAY_MS, type Instant } from '../shared/time.ts';
import { basisPointsOf, minimumIncomeFor, monthlyPayment, nominalMonthlyBpsOf, sum } from './payment-math.ts';
import {
  assembleSchedule,
  instalmentTerms,
  type NotEnoughTimeForDownPayment,
  type ScheduleEntry,
  splitInstalments,
} from './payment-schedule.ts';
import {
  defaultHousingRules,
  exceedsCap,
  type HousingRules,
  housingPriceCap,
  type PriceRegime,
} from './price-regime.ts';
import {
  type AppliedSaving,
  appliedSavings,
  chosenExtras,
  extrasCharged,
  type PricedExtra,
  type SavingInput,
  type UnknownExtra,
} from './quote-options.ts';

export type { AppliedSaving, PricedExtra, SavingInput } from './quote-options.ts';
export type MortgageEstimate = {
  /** The plan's rate, in basis points, read as `rateBasis` says. */
  readonly annualRateBps: number;
  /**
   * `effective_annual` (E.A., as Colombian banks quote it): every quote issued since rates are read that way.
   * `nominal_monthly`: quotes issued before, whose payment divided the rate by 12; kept as they were printed.
   */
  readonly rateBasis: 'effective_annual' | 'nominal_monthly';
  /** The same rate as a nominal annual rate compounded monthly (N.M.V.), in basis points. */
  readonly nominalMonthlyBps: number;
  readonly years: number;
  readonly monthlyPayment: Money;
  /**
   * Least household income for which the payment is `HOUSING_PAYMENT_TO_INCOME_BPS` of it; null on older quotes and
   * for commercial credit, which banks grant on the business's figures, not on a share of household income.
   */
  readonly minimumIncome: Money | null;
};

/**
 * The largest share of a household's income its first housing-credit payment may take, as the issue for E.A.
 * quotes set it (40 %): the estimated minimum income is the payment divided by it.
 */
export const HOUSING_PAYMENT_TO_INCOME_BPS = 4_000;

/** A builder's proposal for one unit, frozen at issue time: every figure is already computed. */
export type Quote = {
  readonly id: QuoteId;
  readonly number: string;
  /**
   * 1 for a unit's first quote to a lead; re-quoting the same unit to the same lead (after a price change, with other
   * extras, or only to renew its validity) keeps the number and issues the next version. Earlier versions stay stored
   * and readable, but only the latest is sent.
   */
  readonly version: number;
  readonly issuedAt: Instant;
  readonly validUntil: Instant;
  readonly projectId: ProjectId;
  readonly projectName: string;
  readonly city: string;
  readonly unitId: UnitId;
  readonly unitCode: string;
  readonly unitTypeId: UnitTypeId;
  readonly unitTypeName: string;
  readonly areaM2: number;
  readonly price: Money;
  readonly extras: readonly PricedExtra[];
  /** Unit price plus extras: the base of the down payment. */
  readonly totalPrice: Money;
  readonly separationFee: Money;
  readonly downPaymentBps: number;
  readonly downPayment: Money;
  readonly savings: readonly AppliedSaving[];
  readonly separationCredited: boolean;
  /**
   * The monthly instalments' amounts, as in `schedule`: down payment − savings − credited separation, less what goes
   * into extraordinary instalments (`splitInstalments`), as round instalments and a last adjustment one. Empty when
   * savings and separation cover the down payment.
   */
  readonly instalments: readonly Money[];
  readonly balanceToFinance: Money;
  /** The credit estimate for the balance, of the `financing` kind; null when the plan has none or financing is `none`. */
  readonly mortgage: MortgageEstimate | null;
  /** The plan's delivery (the deed), `YYYY-MM-DD`; null when the plan had none (and on quotes issued before). */
  readonly deliveryDate: IsoDate | null;
  /** The day the down payment is paid by (`cutOffMonthsBeforeDelivery` before delivery); null without delivery. */
  readonly downPaymentCutOff: IsoDate | null;
  /**
   * Every payment, dated, in paying order: separation, monthly instalments (the amounts of `instalments`) with the
   * extraordinary ones, and the balance to finance at the deed. See `assembleSchedule`.
   */
  readonly schedule: readonly ScheduleEntry[];
  /** The project's regime when quoted; null for non-housing projects and quotes issued before regimes were recorded. */
  readonly housingRegime: HousingRegime | null;
  /** The price regime the quote states; null on quotes issued before it did. */
  readonly priceRegime: PriceRegime | null;
  /** How the balance is financed for this property type (`financingFor`). */
  readonly financing: FinancingType;
  /** The lead said they will use cesantías or a subsidy but the amounts are not known: an advisor confirms them. */
  readonly savingsToConfirm: boolean;
};

export type QuoteRequest = {
  readonly id: QuoteId;
  readonly number: string;
  /** 1 unless this re-quotes a unit the lead was quoted before (see `Quote.version`). */
  readonly version?: number;
  readonly issuedAt: Instant;
  readonly project: Project;
  readonly unitType: UnitType;
  readonly unit: Unit;
  /** Optional extras of the project chosen by id; included ones are listed anyway. */
  readonly extraIds?: readonly string[];
  readonly savings?: readonly SavingInput[];
  readonly savingsToConfirm?: boolean;
  /** By default `defaultHousingRules`. */
  readonly housingRules?: HousingRules;
};

export type QuoteError =
  | { readonly type: 'InvalidPaymentPlan'; readonly reason: string }
  | { readonly type: 'InvalidAmount'; readonly field: string; readonly amount: number }
  | {
      readonly type: 'CurrencyMismatch';
      readonly field: string;
      readonly expected: Currency;
      readonly actual: Currency;
    }
  | { readonly type: 'UnitNotInProject'; readonly reason: string }
  | UnknownExtra
  /** A VIS or VIP unit priced over its legal cap: not quoted until the catalogue is fixed. */
  | {
      readonly type: 'PriceOverHousingCap';
      readonly regime: 'vis' | 'vip';
      readonly price: Money;
      readonly cap: Money;
      readonly smmlvCount: number;
    }
  | { readonly type: 'SavingsExceedDownPayment'; readonly savings: Money; readonly downPayment: Money }
  | { readonly type: 'SeparationExceedsDownPayment'; readonly separationFee: Money; readonly remaining: Money }
  | NotEnoughTimeForDownPayment;

/** $ 1.000 in pesos, US$ 1 in cents: what a monthly instalment is rounded to when the plan does not say. */
export const defaultInstalmentRounding = (currency: Currency): number => (currency === 'COP' ? 1_000 : 100);

/** The quote's printed reference: `COT-000042`, and `COT-000042-2` from its second version on. */
export const quoteReference = (quote: Pick<Quote, 'number' | 'version'>): string =>
  quote.version === 1 ? quote.number : `${quote.number}-${quote.version}`;

/** `COT-000042`: six digits keep numbers sortable for the first million quotes, then they simply grow. */
export const quoteNumber = (sequence: number): string => {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`bad quote sequence ${sequence}`);
  return `COT-${String(sequence).padStart(6, '0')}`;
};

const isInt = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

const planProblem = (p: PaymentPlan): string | null => {
  if (!isInt(p.downPaymentBps, 0, 10_000)) return 'downPaymentBps must be an integer in 0..10000';
  if (!isInt(p.instalments, 1, 600)) return 'instalments must be an integer in 1..600';
  if (!isInt(p.quoteValidityDays, 1, 3650)) return 'quoteValidityDays must be an integer in 1..3650';
  if (p.instalmentRounding !== undefined && !isInt(p.instalmentRounding, 1, 100_000_000))
    return 'instalmentRounding must be an integer in 1..100000000';
  const dated = datedPlanProblem(p);
  if (dated !== null) return dated;
  if (p.mortgage === null) return null;
  if (!isInt(p.mortgage.annualRateBps, 0, 10_000)) return 'mortgage.annualRateBps must be an integer in 0..10000';
  if (!isInt(p.mortgage.years, 1, 50)) return 'mortgage.years must be an integer in 1..50';
  return null;
};

/** The first problem with an amount's currency or value, in the order the fields are listed. */
const moneyProblem = (fields: readonly (readonly [string, Money])[], currency: Currency): QuoteError | null => {
  for (const [field, m] of fields) {
    if (m.currency !== currency) return { type: 'CurrencyMismatch', field, expected: currency, actual: m.currency };
    if (!Number.isSafeInteger(m.amount) || m.amount < 0) return { type: 'InvalidAmount', field, amount: m.amount };
  }
  return null;
};

const checkRequest = (req: QuoteRequest, extras: readonly PricedExtra[]): QuoteError | null => {
  const { project, unitType, unit } = req;
  if (unit.projectId !== project.id || unitType.projectId !== project.id || unit.unitTypeId !== unitType.id) {
    return { type: 'UnitNotInProject', reason: `unit ${unit.code} is not a ${unitType.name} of ${project.name}` };
  }
  const problem = planProblem(project.paymentPlan);
  if (problem !== null) return { type: 'InvalidPaymentPlan', reason: problem };
  if (req.version !== undefined && !isInt(req.version, 1, 1_000_000))
    return { type: 'InvalidAmount', field: 'version', amount: req.version };
  if (!Number.isSafeInteger(req.issuedAt)) return { type: 'InvalidAmount', field: 'issuedAt', amount: req.issuedAt };
  return moneyProblem(
    [
      ['price', unit.price],
      ['separationFee', project.paymentPlan.separationFee],
      ...extras.map((e, i) => [`extras[${i}]`, e.price] as const),
      ...(req.savings ?? []).map((s, i) => [`savings[${i}]`, s.amount] as const),
    ],
    project.currency,
  );
};

type Figures = Pick<
  Quote,
  | 'totalPrice'
  | 'downPayment'
  | 'instalments'
  | 'balanceToFinance'
  | 'mortgage'
  | 'deliveryDate'
  | 'downPaymentCutOff'
  | 'schedule'
>;

/** The credit estimate per financing type: none for `none`; no household-income rule for commercial credit. */
const creditEstimate = (
  plan: PaymentPlan,
  financing: FinancingType,
  balance: number,
  m: (amount: number) => Money,
): Result<MortgageEstimate | null, QuoteError> => {
  if (plan.mortgage === null || financing === 'none') return ok(null);
  const pay = monthlyPayment(balance, plan.mortgage.annualRateBps, plan.mortgage.years);
  if (!Number.isSafeInteger(pay)) return err({ type: 'InvalidAmount', field: 'mortgage', amount: pay });
  return ok({
    annualRateBps: plan.mortgage.annualRateBps,
    rateBasis: 'effective_annual',
    nominalMonthlyBps: nominalMonthlyBpsOf(plan.mortgage.annualRateBps),
    years: plan.mortgage.years,
    monthlyPayment: m(pay),
    minimumIncome: financing === 'commercial_credit' ? null : m(minimumIncomeFor(pay, HOUSING_PAYMENT_TO_INCOME_BPS)),
  });
};

const computeFigures = (
  req: QuoteRequest,
  extras: readonly PricedExtra[],
  savings: readonly AppliedSaving[],
): Result<Figures, QuoteError> => {
  const plan = req.project.paymentPlan;
  const m = (amount: number): Money => ({ amount, currency: req.project.currency });
  const total = req.unit.price.amount + sum(extrasCharged(extras).map((e) => e.price.amount));
  if (!Number.isSafeInteger(total)) return err({ type: 'InvalidAmount', field: 'totalPrice', amount: total });
  const down = basisPointsOf(total, plan.downPaymentBps);
  const saved = sum(savings.map((s) => s.amount.amount));
  if (saved > down) return err({ type: 'SavingsExceedDownPayment', savings: m(saved), downPayment: m(down) });
  const credited = plan.separationCreditedToDownPayment ? plan.separationFee.amount : 0;
  if (credited > down - saved) {
    return err({ type: 'SeparationExceedsDownPayment', separationFee: plan.separationFee, remaining: m(down - saved) });
  }
  const terms = instalmentTerms(plan, req.issuedAt);
  if (!terms.ok) return terms;
  const balance = total - down;
  const mortgage = creditEstimate(plan, financingFor(req.project, req.unitType.propertyType), balance, m);
  if (!mortgage.ok) return mortgage;
  const { dueDates, deliveryDate, cutOffDate } = terms.value;
  const unit = plan.instalmentRounding ?? defaultInstalmentRounding(req.project.currency);
  const split = splitInstalments(down - saved - credited, dueDates, plan.extraordinaryInstalments ?? null, unit);
  return ok({
    totalPrice: m(total),
    downPayment: m(down),
    instalments: split.monthly.map(m),
    balanceToFinance: m(balance),
    mortgage: mortgage.value,
    deliveryDate,
    downPaymentCutOff: cutOffDate,
    schedule: assembleSchedule({
      issuedAt: req.issuedAt,
      currency: req.project.currency,
      separationFee: plan.separationFee,
      monthly: split.monthly,
      monthlyDates: dueDates,
      extraordinary: split.extraordinary,
      extraordinaryDates: split.extraordinaryDates,
      balance: m(balance),
      deliveryDate,
    }),
  });
};

/**
 * Prices a unit under its project's payment plan, with the extras chosen and the savings applied; bad catalogue
 * data, an unknown extra or a VIS/VIP price over its legal cap come back as a `QuoteError`.
 */
export const simulateQuote = (req: QuoteRequest): Result<Quote, QuoteError> => {
  const extras = chosenExtras(req.project, req.extraIds ?? []);
  if (!extras.ok) return extras;
  const problem = checkRequest(req, extras.value);
  if (problem !== null) return err(problem);
  const { project, unitType, unit } = req;
  const cap = housingPriceCap(project.housingRegime, req.housingRules ?? defaultHousingRules);
  if (cap !== null && exceedsCap(unit.price, cap)) {
    return err({
      type: 'PriceOverHousingCap',
      regime: cap.regime,
      price: unit.price,
      cap: cap.cap,
      smmlvCount: cap.smmlvCount,
    });
  }
  const savings = appliedSavings(req.savings ?? []);
  const figures = computeFigures(req, extras.value, savings);
  if (!figures.ok) return figures;
  return ok({
    id: req.id,
    number: req.number,
    version: req.version ?? 1,
    issuedAt: req.issuedAt,
    validUntil: req.issuedAt + project.paymentPlan.quoteValidityDays * DAY_MS,
    projectId: project.id,
    projectName: project.name,
    city: project.city,
    unitId: unit.id,
    unitCode: unit.code,
    unitTypeId: unitType.id,
    unitTypeName: unitType.name,
    areaM2: unit.areaM2,
    price: unit.price,
    extras: extras.value,
    separationFee: project.paymentPlan.separationFee,
    downPaymentBps: project.paymentPlan.downPaymentBps,
    savings,
    separationCredited: project.paymentPlan.separationCreditedToDownPayment,
    ...figures.value,
    housingRegime: project.housingRegime,
    priceRegime: { kind: 'fixed_in_pesos', cap },
    financing: financingFor(project, unitType.propertyType),
    savingsToConfirm: req.savingsToConfirm ?? false,
  });
};
