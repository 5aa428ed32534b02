import type { ExtraordinaryInstalments, PaymentPlan } from '../catalog/catalog.ts';
import { DEFAULT_CUT_OFF_MONTHS, DEFAULT_MINIMUM_INSTALMENTS } from '../catalog/payment-plan-dates.ts';
import {
  addMonths,
  bogotaDateOf,
  type CivilDate,
  compareDates,
  type IsoDate,
  isoDateOf,
  monthsBetween,
  parseIsoDate,
} from '../shared/calendar.ts';
import type { Currency, Money } from '../shared/money.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { Instant } from '../shared/time.ts';
import { basisPointsOf, roundedInstalments } from './payment-math.ts';

/**
 * One dated payment of a quote, in the order the buyer pays: the separation on the issue day, the monthly
 * instalments (the last is the adjustment one) with the extraordinary ones in their months, and the balance at
 * the deed (dated by the delivery date when the plan has one).
 */
export type ScheduleEntry =
  | { readonly kind: 'separation'; readonly dueDate: IsoDate; readonly amount: Money }
  | { readonly kind: 'monthly'; readonly number: number; readonly dueDate: IsoDate; readonly amount: Money }
  | { readonly kind: 'extraordinary'; readonly number: number; readonly dueDate: IsoDate; readonly amount: Money }
  | { readonly kind: 'deed'; readonly dueDate: IsoDate | null; readonly amount: Money };

/** Too little time between the quote and the cut-off for the plan's fewest monthly instalments. */
export type NotEnoughTimeForDownPayment = {
  readonly type: 'NotEnoughTimeForDownPayment';
  /** The day the down payment must be paid by, `YYYY-MM-DD`. */
  readonly cutOffDate: IsoDate;
  /** Monthly instalments that fall due on or before it. */
  readonly fits: number;
  readonly minimum: number;
};

/** The day the down payment must be paid by: the delivery day, the plan's cut-off months earlier (clamped). */
export const cutOffDateOf = (delivery: CivilDate, plan: PaymentPlan): CivilDate =>
  addMonths(delivery, -(plan.cutOffMonthsBeforeDelivery ?? DEFAULT_CUT_OFF_MONTHS));

/**
 * The due day of monthly instalment `n` (1, 2, …): `n` months after the issue day, on the issue day's
 * day-of-month, clamped to the last day of a shorter month (issued 31/01: 28/02, 31/03, 30/04, …).
 */
export const dueDateOf = (issue: CivilDate, n: number): CivilDate => addMonths(issue, n);

/** How many monthly instalments fall due on or before `cutOff` (zero when it is not after the issue day). */
export const monthsThatFit = (issue: CivilDate, cutOff: CivilDate): number => {
  const months = monthsBetween(issue, cutOff);
  if (months <= 0) return 0;
  return compareDates(dueDateOf(issue, months), cutOff) <= 0 ? months : months - 1;
};

export type InstalmentTerms = {
  readonly deliveryDate: IsoDate | null;
  readonly cutOffDate: IsoDate | null;
  /** The monthly instalments' due days, in order. */
  readonly dueDates: readonly CivilDate[];
};

/**
 * When the monthly instalments fall due, in America/Bogota calendar days. With a delivery date: every month from
 * the one after the quote's issue day whose due day is on or before the cut-off (`plan.instalments` is not used),
 * and `NotEnoughTimeForDownPayment` when fewer than `minimumInstalments` fit (whatever is left to pay: past the
 * cut-off a quote is refused even when savings cover the down payment). Without: `plan.instalments` months.
 */
export const instalmentTerms = (
  plan: PaymentPlan,
  issuedAt: Instant,
): Result<InstalmentTerms, NotEnoughTimeForDownPayment> => {
  const issue = bogotaDateOf(issuedAt);
  const dueDates = (count: number) => Array.from({ length: count }, (_, i) => dueDateOf(issue, i + 1));
  const delivery = plan.deliveryDate === undefined ? null : parseIsoDate(plan.deliveryDate);
  if (delivery === null) return ok({ deliveryDate: null, cutOffDate: null, dueDates: dueDates(plan.instalments) });
  const cutOff = cutOffDateOf(delivery, plan);
  const fits = monthsThatFit(issue, cutOff);
  const minimum = plan.minimumInstalments ?? DEFAULT_MINIMUM_INSTALMENTS;
  if (fits < minimum) return err({ type: 'NotEnoughTimeForDownPayment', cutOffDate: isoDateOf(cutOff), fits, minimum });
  return ok({ deliveryDate: isoDateOf(delivery), cutOffDate: isoDateOf(cutOff), dueDates: dueDates(fits) });
};

export type ScheduleParts = {
  readonly issuedAt: Instant;
  readonly currency: Currency;
  readonly separationFee: Money;
  readonly monthly: readonly number[];
  readonly monthlyDates: readonly CivilDate[];
  readonly extraordinary: readonly number[];
  readonly extraordinaryDates: readonly CivilDate[];
  readonly balance: Money;
  readonly deliveryDate: IsoDate | null;
};

const KIND_ORDER = { monthly: 0, extraordinary: 1 } as const;

/** The entries in paying order: by due day, a month's regular instalment before its extraordinary one. */
export const assembleSchedule = (p: ScheduleParts): ScheduleEntry[] => {
  const m = (amount: number): Money => ({ amount, currency: p.currency });
  const dated = (dates: readonly CivilDate[], i: number): IsoDate => isoDateOf(dates[i] as CivilDate);
  type Payment = Extract<ScheduleEntry, { kind: 'monthly' | 'extraordinary' }>;
  const payments: Payment[] = [
    ...p.monthly.map(
      (a, i) => ({ kind: 'monthly', number: i + 1, dueDate: dated(p.monthlyDates, i), amount: m(a) }) as const,
    ),
    ...p.extraordinary.map(
      (a, i) =>
        ({ kind: 'extraordinary', number: i + 1, dueDate: dated(p.extraordinaryDates, i), amount: m(a) }) as const,
    ),
  ];
  // ISO dates sort as strings.
  payments.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return [
    { kind: 'separation', dueDate: isoDateOf(bogotaDateOf(p.issuedAt)), amount: p.separationFee },
    ...payments,
    { kind: 'deed', dueDate: p.deliveryDate, amount: p.balance },
  ];
};

/**
 * Splits what is paid in instalments: `shareBps` of it (half up) into the extraordinary instalments, due with the
 * monthly ones of the chosen months, and the rest into the monthly ones; each part rounded as `roundedInstalments`
 * does, so monthly plus extraordinary add up to `amount` exactly. No chosen month in the period: all monthly.
 */
export const splitInstalments = (
  amount: number,
  dueDates: readonly CivilDate[],
  extra: ExtraordinaryInstalments | null,
  unit: number,
): { monthly: number[]; extraordinary: number[]; extraordinaryDates: CivilDate[] } => {
  const extraordinaryDates = extra === null ? [] : dueDates.filter((d) => extra.months.includes(d.month));
  const share = extra === null || extraordinaryDates.length === 0 ? 0 : basisPointsOf(amount, extra.shareBps);
  return {
    monthly: roundedInstalments(amount - share, dueDates.length, unit),
    extraordinary: roundedInstalments(share, extraordinaryDates.length, unit),
    extraordinaryDates,
  };
};
