import type { PaymentPlan, Project, Unit, UnitType } from '../catalog/catalog.ts';
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

export type PricedExtra = { readonly label: string; readonly price: Money };
export type AppliedSaving = { readonly label: string; readonly amount: Money };
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
  /** Least household income for which the payment is `HOUSING_PAYMENT_TO_INCOME_BPS` of it; null on older quotes. */
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
  readonly extras?: readonly PricedExtra[];
  readonly savings?: readonly AppliedSaving[];
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

const checkRequest = (req: QuoteRequest): QuoteError | null => {
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
      ...(req.extras ?? []).map((e, i) => [`extras[${i}]`, e.price] as const),
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

const computeFigures = (req: QuoteRequest): Result<Figures, QuoteError> => {
  const plan = req.project.paymentPlan;
  const m = (amount: number): Money => ({ amount, currency: req.project.currency });
  const total = req.unit.price.amount + sum((req.extras ?? []).map((e) => e.price.amount));
  if (!Number.isSafeInteger(total)) return err({ type: 'InvalidAmount', field: 'totalPrice', amount: total });
  const down = basisPointsOf(total, plan.downPaymentBps);
  const saved = sum((req.savings ?? []).map((s) => s.amount.amount));
  if (saved > down) return err({ type: 'SavingsExceedDownPayment', savings: m(saved), downPayment: m(down) });
  const credited = plan.separationCreditedToDownPayment ? plan.separationFee.amount : 0;
  if (credited > down - saved) {
    return err({ type: 'SeparationExceedsDownPayment', separationFee: plan.separationFee, remaining: m(down - saved) });
  }
  const terms = instalmentTerms(plan, req.issuedAt);
  if (!terms.ok) return terms;
  const balance = total - down;
  const pay = plan.mortgage && monthlyPayment(balance, plan.mortgage.annualRateBps, plan.mortgage.years);
  if (pay !== null && !Number.isSafeInteger(pay)) return err({ type: 'InvalidAmount', field: 'mortgage', amount: pay });
  const mortgage: MortgageEstimate | null =
    plan.mortgage === null || pay === null
      ? null
      : {
          annualRateBps: plan.mortgage.annualRateBps,
          rateBasis: 'effective_annual',
          nominalMonthlyBps: nominalMonthlyBpsOf(plan.mortgage.annualRateBps),
          years: plan.mortgage.years,
          monthlyPayment: m(pay),
          minimumIncome: m(minimumIncomeFor(pay, HOUSING_PAYMENT_TO_INCOME_BPS)),
        };
  const { dueDates, deliveryDate, cutOffDate } = terms.value;
  const unit = plan.instalmentRounding ?? defaultInstalmentRounding(req.project.currency);
  const split = splitInstalments(down - saved - credited, dueDates, plan.extraordinaryInstalments ?? null, unit);
  return ok({
    totalPrice: m(total),
    downPayment: m(down),
    instalments: split.monthly.map(m),
    balanceToFinance: m(balance),
    mortgage,
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

/** Prices a unit under its project's payment plan; bad catalogue data comes back as a `QuoteError`. */
export const simulateQuote = (req: QuoteRequest): Result<Quote, QuoteError> => {
  const problem = checkRequest(req);
  if (problem !== null) return err(problem);
  const figures = computeFigures(req);
  if (!figures.ok) return figures;
  const { project, unitType, unit } = req;
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
    extras: req.extras ?? [],
    separationFee: project.paymentPlan.separationFee,
    downPaymentBps: project.paymentPlan.downPaymentBps,
    savings: req.savings ?? [],
    separationCredited: project.paymentPlan.separationCreditedToDownPayment,
    ...figures.value,
  });
};
