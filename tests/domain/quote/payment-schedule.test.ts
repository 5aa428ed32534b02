import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateQuote, type Quote, type QuoteRequest } from '../../../domain/quote/quote.ts';
import type { ScheduleEntry } from '../../../domain/quote/payment-schedule.ts';
import { aQuoteRequest } from '../../builders/quote-request-builder.ts';

const HOUR = 3_600_000;
const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** Independent of the domain's calendar: JavaScript's own UTC dates. */
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthsOn = (y: number, m: number, d: number, k: number): string => {
  const first = new Date(Date.UTC(y, m - 1 + k, 1));
  const [ny, nm] = [first.getUTCFullYear(), first.getUTCMonth() + 1];
  return iso(ny, nm, Math.min(d, lastDay(ny, nm)));
};
const bogota = (instant: number) => {
  const d = new Date(instant - 5 * HOUR);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};
const total = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const entries = (q: Quote, kind: ScheduleEntry['kind']) => q.schedule.filter((e) => e.kind === kind);

/** A dated plan: issued any time of day in 2024–2030, delivered 0 to 60 months later, and everything else random. */
const datedRequest = fc
  .record({
    issuedAt: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 11, 31) }),
    monthsToDelivery: fc.integer({ min: -2, max: 60 }),
    deliveryDay: fc.integer({ min: 1, max: 31 }),
    cutOff: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    minimum: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    extra: fc.option(
      fc.record({
        months: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 }),
        shareBps: fc.integer({ min: 1, max: 9_999 }),
      }),
    ),
    price: fc.integer({ min: 0, max: 5_000_000_000_000 }),
    bps: fc.integer({ min: 0, max: 10_000 }),
    savingShare: fc.integer({ min: 0, max: 1_000 }),
    credited: fc.boolean(),
    rounding: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined }),
  })
  .map((g) => {
    const issue = bogota(g.issuedAt);
    const deliveryMonth = monthsOn(issue.y, issue.m, 1, g.monthsToDelivery);
    const [dy, dm] = [Number(deliveryMonth.slice(0, 4)), Number(deliveryMonth.slice(5, 7))];
    const deliveryDate = iso(dy, dm, Math.min(g.deliveryDay, lastDay(dy, dm)));
    const down = Number((BigInt(g.price) * BigInt(g.bps) + 5_000n) / 10_000n);
    const saved = Math.floor((down * g.savingShare) / 1_000);
    const separation = g.credited ? Math.floor((down - saved) / 10) : 5_000_000;
    const req = aQuoteRequest()
      .withIssuedAt(g.issuedAt)
      .withPrice(g.price)
      .withSeparation(separation, g.credited)
      .withSaving('Cesantías', saved)
      .withPlan({
        downPaymentBps: g.bps,
        deliveryDate,
        extraordinaryInstalments: g.extra,
        ...(g.cutOff === undefined ? {} : { cutOffMonthsBeforeDelivery: g.cutOff }),
        ...(g.minimum === undefined ? {} : { minimumInstalments: g.minimum }),
        ...(g.rounding === undefined ? {} : { instalmentRounding: g.rounding }),
      })
      .build();
    const cutOff = monthsOn(dy, dm, Number(deliveryDate.slice(8)), -(g.cutOff ?? 3));
    // Instalment k is due k months after the issue day; count those on or before the cut-off, one by one.
    let fits = 0;
    while (monthsOn(issue.y, issue.m, issue.d, fits + 1) <= cutOff) fits += 1;
    return { req, issue, cutOff, fits, minimum: g.minimum ?? 1, toPay: down - saved - (g.credited ? separation : 0) };
  });

const run = (req: QuoteRequest) => simulateQuote(req);

describe('the dated payment schedule', () => {
  it('refuses exactly when fewer than the minimum instalments fit before the cut-off, naming both', () => {
    fc.assert(
      fc.property(datedRequest, ({ req, cutOff, fits, minimum }) => {
        const result = run(req);
        if (fits < minimum)
          expect(result).toEqual({
            ok: false,
            error: { type: 'NotEnoughTimeForDownPayment', cutOffDate: cutOff, fits, minimum },
          });
        else expect(result.ok).toBe(true);
      }),
    );
  });

  it('adds up, monthly plus extraordinary, to the down payment minus savings and the credited separation', () => {
    fc.assert(
      fc.property(datedRequest, ({ req, toPay }) => {
        const result = run(req);
        if (!result.ok) return;
        const q = result.value;
        const paid = [...entries(q, 'monthly'), ...entries(q, 'extraordinary')].map((e) => e.amount.amount);
        expect(total(paid)).toBe(toPay);
        expect(paid.every((x) => Number.isSafeInteger(x) && x >= 1)).toBe(true);
        expect(entries(q, 'monthly').map((e) => e.amount)).toEqual(q.instalments);
      }),
    );
  });

  it('has one monthly instalment per month that fits, due on the issue day of the month, until the cut-off', () => {
    fc.assert(
      fc.property(datedRequest, ({ req, issue, cutOff, fits, toPay }) => {
        const result = run(req);
        if (!result.ok) return;
        const q = result.value;
        const monthly = entries(q, 'monthly');
        const extraordinary = entries(q, 'extraordinary');
        const inExtra = total(extraordinary.map((e) => e.amount.amount));
        // Fewer only when there is less than one peso a month to pay.
        expect(monthly.length).toBe(Math.min(fits, toPay - inExtra));
        expect(monthly.map((e) => e.dueDate)).toEqual(
          Array.from({ length: monthly.length }, (_, i) => monthsOn(issue.y, issue.m, issue.d, i + 1)),
        );
        expect(q.downPaymentCutOff).toBe(cutOff);
        expect(q.deliveryDate).toBe(req.project.paymentPlan.deliveryDate);
        for (const e of [...monthly, ...extraordinary]) expect((e.dueDate ?? '') <= cutOff).toBe(true);
        for (const list of [monthly, extraordinary])
          for (let i = 1; i < list.length; i++)
            expect((list[i - 1]?.dueDate ?? '') < (list[i]?.dueDate ?? '')).toBe(true);
      }),
    );
  });

  it('dates the extraordinary instalments in the chosen months, with that month’s instalment', () => {
    fc.assert(
      fc.property(datedRequest, ({ req, issue, fits }) => {
        const result = run(req);
        if (!result.ok) return;
        const months = req.project.paymentPlan.extraordinaryInstalments?.months ?? [];
        const dueDays = Array.from({ length: fits }, (_, i) => monthsOn(issue.y, issue.m, issue.d, i + 1));
        const chosen = dueDays.filter((d) => months.includes(Number(d.slice(5, 7))));
        const extraordinary = entries(result.value, 'extraordinary').map((e) => e.dueDate);
        // Every chosen month in the period has one, unless there is less than a peso for each.
        expect(extraordinary).toEqual(chosen.slice(0, extraordinary.length));
        if (months.length === 0) expect(extraordinary).toEqual([]);
      }),
    );
  });

  it('reads in paying order: separation on the issue day, instalments by date, the deed on delivery', () => {
    fc.assert(
      fc.property(datedRequest, ({ req, issue }) => {
        const result = run(req);
        if (!result.ok) return;
        const q = result.value;
        expect(q.schedule[0]).toEqual({
          kind: 'separation',
          dueDate: iso(issue.y, issue.m, issue.d),
          amount: req.project.paymentPlan.separationFee,
        });
        expect(q.schedule.at(-1)).toEqual({
          kind: 'deed',
          dueDate: req.project.paymentPlan.deliveryDate,
          amount: q.balanceToFinance,
        });
        const dates = q.schedule.map((e) => e.dueDate ?? '');
        expect(dates).toEqual([...dates].sort());
      }),
    );
  });
});

describe('a plan without a delivery date', () => {
  it('keeps its instalment count, dated monthly from the issue day, with the deed undated', () => {
    const q = simulateQuote(
      aQuoteRequest()
        .withIssuedAt(Date.UTC(2025, 0, 31, 15))
        .build(),
    );
    if (!q.ok) throw new Error(q.error.type);
    const monthly = entries(q.value, 'monthly').map((e) => e.dueDate);
    expect(monthly).toHaveLength(24);
    // Issued on 31 January: the last day of each shorter month.
    expect(monthly.slice(0, 4)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31']);
    expect(monthly.at(-1)).toBe('2027-01-31');
    expect(q.value.schedule.at(-1)).toEqual({ kind: 'deed', dueDate: null, amount: q.value.balanceToFinance });
    expect([q.value.deliveryDate, q.value.downPaymentCutOff]).toEqual([null, null]);
  });
});

describe('planProblem for the dated fields', () => {
  const problem = (patch: Parameters<ReturnType<typeof aQuoteRequest>['withPlan']>[0]) => {
    const result = simulateQuote(aQuoteRequest().withPlan(patch).build());
    return result.ok ? null : result.error;
  };

  it('names the field that is wrong', () => {
    expect(problem({ deliveryDate: '2027-02-30' })).toEqual({
      type: 'InvalidPaymentPlan',
      reason: 'deliveryDate must be a calendar date YYYY-MM-DD from 2000 to 2100',
    });
    expect(problem({ deliveryDate: '30/06/2027' })).toMatchObject({ reason: expect.stringContaining('deliveryDate') });
    expect(problem({ deliveryDate: '2027-06-30', cutOffMonthsBeforeDelivery: -1 })).toMatchObject({
      reason: 'cutOffMonthsBeforeDelivery must be an integer in 0..60',
    });
    expect(problem({ minimumInstalments: 0 })).toMatchObject({
      reason: 'minimumInstalments must be an integer in 1..600',
    });
    expect(problem({ extraordinaryInstalments: { months: [6, 6], shareBps: 1000 } })).toMatchObject({
      reason: 'extraordinaryInstalments.months must be distinct months in 1..12, at least one',
    });
    expect(problem({ extraordinaryInstalments: { months: [13], shareBps: 1000 } })).toMatchObject({
      reason: expect.stringContaining('months'),
    });
    expect(problem({ extraordinaryInstalments: { months: [6], shareBps: 10_000 } })).toMatchObject({
      reason: 'extraordinaryInstalments.shareBps must be an integer in 1..9999',
    });
    expect(problem({ deliveryDate: '2027-06-30', extraordinaryInstalments: null })).toBeNull();
  });
});
