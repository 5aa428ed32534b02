import { parseIsoDate } from '../shared/calendar.ts';
import type { PaymentPlan } from './catalog.ts';

/** The down payment is due this many months before delivery when the plan does not say (builders ask 2 or 3). */
export const DEFAULT_CUT_OFF_MONTHS = 3;
export const DEFAULT_MINIMUM_INSTALMENTS = 1;

const isInt = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

/** The first problem with a plan's delivery, cut-off and extraordinary instalments, `null` when they are sound. */
export const datedPlanProblem = (p: PaymentPlan): string | null => {
  const delivery = p.deliveryDate === undefined ? undefined : parseIsoDate(p.deliveryDate);
  if (delivery === null || (delivery !== undefined && !isInt(delivery.year, 2000, 2100)))
    return 'deliveryDate must be a calendar date YYYY-MM-DD from 2000 to 2100';
  if (p.cutOffMonthsBeforeDelivery !== undefined && !isInt(p.cutOffMonthsBeforeDelivery, 0, 60))
    return 'cutOffMonthsBeforeDelivery must be an integer in 0..60';
  if (p.minimumInstalments !== undefined && !isInt(p.minimumInstalments, 1, 600))
    return 'minimumInstalments must be an integer in 1..600';
  const extra = p.extraordinaryInstalments;
  if (extra === undefined || extra === null) return null;
  const { months } = extra;
  if (months.length === 0 || !months.every((m) => isInt(m, 1, 12)) || new Set(months).size !== months.length)
    return 'extraordinaryInstalments.months must be distinct months in 1..12, at least one';
  if (!isInt(extra.shareBps, 1, 9_999)) return 'extraordinaryInstalments.shareBps must be an integer in 1..9999';
  return null;
};
