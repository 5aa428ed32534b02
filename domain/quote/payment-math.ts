/** Integer money arithmetic for quotes: every result is in whole minor units. */

export const sum = (amounts: readonly number[]): number => amounts.reduce((a, b) => a + b, 0);

/** Half-up rounding of total × bps / 10 000, exact in BigInt because total × bps can pass 2^53. */
export const basisPointsOf = (total: number, bps: number): number =>
  Number((BigInt(total) * BigInt(bps) + 5_000n) / 10_000n);

/**
 * Splits `amount` into at most `count` parts that add up exactly and differ by at most one unit.
 * The remainder goes on the first parts (the builder collects the odd units early, and the rest of
 * the schedule is one flat figure). Never emits a zero part: `amount < count` yields `amount` ones.
 */
export const splitEvenly = (amount: number, count: number): number[] => {
  const n = Math.min(count, amount);
  if (n <= 0) return [];
  const base = Math.floor(amount / n);
  const remainder = amount - base * n;
  return Array.from({ length: n }, (_, i) => (i < remainder ? base + 1 : base));
};

/**
 * The schedule as builders present it: `count` instalments of one round figure (a multiple of `unit`, rounded down)
 * and a last, adjustment instalment that takes the difference, so they add up to `amount` exactly. When less than
 * one `unit` a month is left, the even split (`splitEvenly`) instead; never a zero instalment.
 */
export const roundedInstalments = (amount: number, count: number, unit: number): number[] => {
  const n = Math.min(count, amount);
  if (n <= 0) return [];
  const round = Math.floor(amount / n / unit) * unit;
  if (round <= 0 || n === 1) return splitEvenly(amount, n);
  return [...Array.from({ length: n - 1 }, () => round), amount - round * (n - 1)];
};

/**
 * The monthly rate equivalent to an effective annual one: (1 + E.A.)^(1/12) − 1. Colombian banks quote mortgage
 * rates as *tasa efectiva anual* (Ley 1748 de 2014 asks for costs in effective annual terms), so a plan's rate is
 * read as E.A.: 12 % E.A. is 0,9489 % a month, not 1 %.
 */
export const monthlyRateOfEffectiveAnnual = (effectiveAnnualBps: number): number =>
  Math.expm1(Math.log1p(effectiveAnnualBps / 10_000) / 12);

/** The nominal annual rate compounded monthly (N.M.V.) equal to an E.A. one, in basis points: 12,5 % E.A. → 1184. */
export const nominalMonthlyBpsOf = (effectiveAnnualBps: number): number =>
  Math.round(monthlyRateOfEffectiveAnnual(effectiveAnnualBps) * 12 * 10_000);

/**
 * French amortisation of `principal` over `months` at a monthly rate, rounded *up* to whole minor units so that the
 * estimate never understates the payment (n payments always cover the principal).
 */
export const annuityPayment = (principal: number, monthlyRate: number, months: number): number => {
  if (monthlyRate === 0) return Math.ceil(principal / months);
  // expm1/log1p keep precision for tiny rates, where 1 − (1 + r)^−n cancels catastrophically.
  return Math.ceil((principal * monthlyRate) / -Math.expm1(-months * Math.log1p(monthlyRate)));
};

/** The monthly payment of a mortgage at an effective annual rate (E.A.) over `years`. */
export const monthlyPayment = (principal: number, effectiveAnnualBps: number, years: number): number =>
  annuityPayment(principal, monthlyRateOfEffectiveAnnual(effectiveAnnualBps), years * 12);

/**
 * The least household income of which `payment` is at most `maxShareBps` (rounded up to the unit): a bank lends
 * for housing only while the first payment stays within that share of the family's income.
 */
export const minimumIncomeFor = (payment: number, maxShareBps: number): number =>
  Number((BigInt(payment) * 10_000n + BigInt(maxShareBps) - 1n) / BigInt(maxShareBps));
