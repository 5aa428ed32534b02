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
 * French amortisation at a nominal annual rate compounded monthly, rounded *up* to whole minor units
 * so that the estimate never understates the payment (n payments always cover the principal).
 */
export const monthlyPayment = (principal: number, annualRateBps: number, years: number): number => {
  const n = years * 12;
  const r = annualRateBps / 10_000 / 12;
  if (r === 0) return Math.ceil(principal / n);
  // expm1/log1p keep precision for tiny rates, where 1 − (1 + r)^−n cancels catastrophically.
  return Math.ceil((principal * r) / -Math.expm1(-n * Math.log1p(r)));
};
