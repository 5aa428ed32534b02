import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  minimumIncomeFor,
  monthlyPayment,
  monthlyRateOfEffectiveAnnual,
  nominalMonthlyBpsOf,
} from '../../../domain/quote/payment-math.ts';
import {
  HOUSING_PAYMENT_TO_INCOME_BPS,
  quoteNumber,
  simulateQuote,
  type Quote,
  type QuoteRequest,
} from '../../../domain/quote/quote.ts';
import { asId, type ProjectId } from '../../../domain/shared/ids.ts';
import { moneyOf } from '../../../domain/shared/money.ts';
import { DAY_MS } from '../../../domain/shared/time.ts';
import { aQuoteRequest } from '../../builders/quote-request-builder.ts';

const quoteOf = (req: QuoteRequest): Quote => {
  const result = simulateQuote(req);
  if (!result.ok) throw new Error(`expected a quote, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const amounts = (q: Quote): number[] => q.instalments.map((m) => m.amount);
const total = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
/** The spec's rounding, computed independently: half up, in exact integers. */
const downPaymentOf = (price: number, bps: number): number => Number((BigInt(price) * BigInt(bps) + 5_000n) / 10_000n);

/** A valid request by construction: savings and credited separation never exceed the down payment. */
const validRequest = fc
  .record({
    price: fc.integer({ min: 0, max: 5_000_000_000_000 }),
    extras: fc.array(fc.integer({ min: 0, max: 200_000_000_000 }), { maxLength: 3 }),
    bps: fc.integer({ min: 0, max: 10_000 }),
    instalments: fc.integer({ min: 1, max: 120 }),
    mortgage: fc.option(
      fc.record({ annualRateBps: fc.integer({ min: 0, max: 5_000 }), years: fc.integer({ min: 1, max: 30 }) }),
    ),
    savingWeights: fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 3 }),
    credited: fc.boolean(),
    separationShare: fc.integer({ min: 0, max: 1_000 }),
    uncreditedSeparation: fc.integer({ min: 0, max: 50_000_000_000 }),
  })
  .map((g) => {
    const down = downPaymentOf(g.price + total(g.extras), g.bps);
    const savings = g.savingWeights.map((w) => Math.floor((down * w) / 3_000));
    const separation = g.credited
      ? Math.floor(((down - total(savings)) * g.separationShare) / 1_000)
      : g.uncreditedSeparation;
    let b = aQuoteRequest()
      .withPrice(g.price)
      .withPlan({ downPaymentBps: g.bps, instalments: g.instalments, mortgage: g.mortgage })
      .withSeparation(separation, g.credited);
    for (const [i, amount] of g.extras.entries()) b = b.withExtra(`Parqueadero ${i + 1}`, amount);
    for (const [i, amount] of savings.entries()) b = b.withSaving(`Cesantías ${i + 1}`, amount);
    return { req: b.build(), down, saved: total(savings), credited: g.credited ? separation : 0 };
  });

describe('simulateQuote properties', () => {
  it('splits what is left of the down payment into round instalments and an adjustment one that add up exactly', () => {
    fc.assert(
      fc.property(validRequest, ({ req, down, saved, credited }) => {
        const q = quoteOf(req);
        const xs = amounts(q);
        const remaining = down - saved - credited;
        expect(q.downPayment.amount).toBe(down);
        expect(total(xs)).toBe(remaining);
        expect(xs.every((x) => Number.isSafeInteger(x) && x >= 1)).toBe(true);
        expect(xs.length).toBe(Math.min(req.project.paymentPlan.instalments, remaining));
        const unit = req.project.paymentPlan.instalmentRounding ?? 1_000;
        const [first = 0] = xs;
        const last = xs.at(-1) ?? 0;
        if (xs.length > 1 && remaining / xs.length >= unit) {
          // All but the last are one round figure; the last takes the difference, less than one unit a month more.
          expect(xs.slice(0, -1).every((x) => x === first && x % unit === 0)).toBe(true);
          expect(last).toBeGreaterThanOrEqual(first);
          expect(last - first).toBeLessThan(xs.length * unit);
        } else if (xs.length > 0) expect(Math.max(...xs) - Math.min(...xs)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('down payment plus balance to finance is the total price, which is price plus extras', () => {
    fc.assert(
      fc.property(validRequest, ({ req }) => {
        const q = quoteOf(req);
        expect(q.totalPrice.amount).toBe(
          req.unit.price.amount + total(req.project.extras.filter((e) => !e.included).map((e) => e.price.amount)),
        );
        expect(q.balanceToFinance.amount + q.downPayment.amount).toBe(q.totalPrice.amount);
        expect(q.balanceToFinance.amount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('estimates a mortgage payment whose n payments cover the principal, and exactly principal / n at 0 %', () => {
    fc.assert(
      fc.property(validRequest, ({ req }) => {
        const q = quoteOf(req);
        const plan = req.project.paymentPlan.mortgage;
        if (plan === null) {
          expect(q.mortgage).toBeNull();
          return;
        }
        const n = plan.years * 12;
        const pay = q.mortgage?.monthlyPayment.amount ?? Number.NaN;
        const principal = q.balanceToFinance.amount;
        expect(Number.isSafeInteger(pay)).toBe(true);
        expect(pay * n).toBeGreaterThanOrEqual(principal);
        if (plan.annualRateBps === 0) expect(Math.abs(pay - principal / n)).toBeLessThan(1);
        else {
          // The rate is effective annual: the monthly rate compounds to it over twelve months.
          const r = (1 + plan.annualRateBps / 10_000) ** (1 / 12) - 1;
          const exact = (principal * r) / (1 - (1 + r) ** -n);
          // Never below the exact annuity, and rounded up by less than one unit.
          expect(pay).toBeGreaterThanOrEqual(exact - 1e-6 * pay);
          expect(pay - 1).toBeLessThan(exact + 1e-6 * pay);
        }
      }),
    );
  });

  it('never throws, whatever numbers the catalogue holds', () => {
    const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -1, 2 ** 60));
    fc.assert(
      fc.property(anyNumber, anyNumber, anyNumber, anyNumber, anyNumber, (price, bps, n, rate, years) => {
        const req = aQuoteRequest()
          .withPrice(price)
          .withPlan({ downPaymentBps: bps, instalments: n, mortgage: { annualRateBps: rate, years } })
          .build();
        expect(() => simulateQuote(req)).not.toThrow();
      }),
    );
  });
});

describe('simulateQuote with Colombian figures', () => {
  it('prices a $ 350.000.000 unit at 30 %, separation credited, 24 instalments, 12 % over 20 years', () => {
    const q = quoteOf(aQuoteRequest().build());
    expect(q.totalPrice).toEqual(moneyOf(350_000_000));
    expect(q.downPayment).toEqual(moneyOf(105_000_000));
    // (105.000.000 − 5.000.000) / 24 = 4.166.666,67: 23 instalments of $ 4.166.000 and an adjustment of $ 4.182.000.
    expect(amounts(q)).toEqual([...Array(23).fill(4_166_000), 4_182_000]);
    expect(q.balanceToFinance).toEqual(moneyOf(245_000_000));
    // 12 % E.A. is 1,12^(1/12) − 1 = 0,94888 % a month: 245.000.000 · r / (1 − (1 + r)^−240) = 2.593.627,21 → up.
    // The payment may be 40 % of the household's income: 2.593.628 / 0,4 = 6.484.070.
    expect(q.mortgage).toEqual({
      annualRateBps: 1200,
      rateBasis: 'effective_annual',
      nominalMonthlyBps: 1139,
      years: 20,
      monthlyPayment: moneyOf(2_593_628),
      minimumIncome: moneyOf(6_484_070),
    });
    expect(q.validUntil - q.issuedAt).toBe(30 * DAY_MS);
    expect(q).toMatchObject({
      number: 'COT-000042',
      projectName: 'Torres del Parque',
      unitCode: 'T1-502',
      areaM2: 62.5,
    });
  });

  it('adds extras to the price and takes severance savings off the instalments, separation not credited', () => {
    const q = quoteOf(
      aQuoteRequest()
        .withExtra('Parqueadero', 25_000_000)
        .withSaving('Cesantías', 10_000_000)
        .withSeparation(5_000_000, false)
        .withPlan({ instalments: 36 })
        .build(),
    );
    expect(q.totalPrice).toEqual(moneyOf(375_000_000));
    expect(q.downPayment).toEqual(moneyOf(112_500_000));
    // 112.500.000 − 10.000.000 = 102.500.000 over 36 = 2.847.222,22: 35 of $ 2.847.000 and $ 2.855.000 to close.
    expect(amounts(q)).toEqual([...Array(35).fill(2_847_000), 2_855_000]);
    expect(q.balanceToFinance).toEqual(moneyOf(262_500_000));
    expect(q.mortgage?.monthlyPayment).toEqual(moneyOf(2_778_887));
  });

  it('rounds the down payment half up to whole pesos', () => {
    const small = aQuoteRequest().withSeparation(0, true);
    expect(quoteOf(small.withPrice(333).withPlan({ downPaymentBps: 1500 }).build()).downPayment.amount).toBe(50); // 49,95
    expect(quoteOf(small.withPrice(1001).withPlan({ downPaymentBps: 5000 }).build()).downPayment.amount).toBe(501); // 500,5
  });

  it('divides by the number of months at 0 %', () => {
    const q = quoteOf(
      aQuoteRequest()
        .withPlan({ mortgage: { annualRateBps: 0, years: 20 } })
        .build(),
    );
    expect(q.mortgage?.monthlyPayment).toEqual(moneyOf(1_020_834)); // 245.000.000 / 240 = 1.020.833,33
  });

  it('has no instalments when savings and the credited separation cover the down payment exactly', () => {
    const q = quoteOf(aQuoteRequest().withSaving('Subsidio Mi Casa Ya', 100_000_000).build());
    expect(q.instalments).toEqual([]);
  });

  it('rounds to the plan’s own unit when it has one', () => {
    const q = quoteOf(aQuoteRequest().withPlan({ instalmentRounding: 100_000 }).build());
    // 100.000.000 / 24 = 4.166.666,67 → 23 of $ 4.100.000 and $ 5.700.000.
    expect(amounts(q)).toEqual([...Array(23).fill(4_100_000), 5_700_000]);
  });

  it('has fewer instalments rather than zero ones when less than one peso per month is left', () => {
    const q = quoteOf(aQuoteRequest().withSaving('Cesantías', 99_999_995).build());
    expect(amounts(q)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('simulateQuote errors', () => {
  const errorOf = (req: QuoteRequest): unknown => {
    const result = simulateQuote(req);
    return result.ok ? 'no error' : result.error;
  };

  it('rejects savings larger than the down payment', () => {
    expect(errorOf(aQuoteRequest().withSaving('Cesantías', 105_000_001).build())).toEqual({
      type: 'SavingsExceedDownPayment',
      savings: moneyOf(105_000_001),
      downPayment: moneyOf(105_000_000),
    });
  });

  it('rejects a credited separation larger than what savings leave of the down payment', () => {
    expect(errorOf(aQuoteRequest().withSaving('Cesantías', 100_000_001).build())).toMatchObject({
      type: 'SeparationExceedsDownPayment',
      remaining: moneyOf(4_999_999),
    });
    expect(
      simulateQuote(aQuoteRequest().withSaving('Cesantías', 100_000_001).withSeparation(5_000_000, false).build()).ok,
    ).toBe(true);
  });

  it('rejects amounts in another currency', () => {
    const req = aQuoteRequest().build();
    const extra = {
      id: 'deposito',
      kind: 'storage',
      label: 'Depósito',
      price: moneyOf(100, 'USD'),
      included: false,
    } as const;
    const usdExtra = { ...req, project: { ...req.project, extras: [extra] }, extraIds: ['deposito'] };
    expect(errorOf(usdExtra)).toEqual({ type: 'CurrencyMismatch', field: 'extras[0]', expected: 'COP', actual: 'USD' });
  });

  it.each([
    ['down payment over 100 %', { downPaymentBps: 10_001 }],
    ['no instalments', { instalments: 0 }],
    ['fractional instalments', { instalments: 1.5 }],
    ['a zero-year mortgage', { mortgage: { annualRateBps: 1200, years: 0 } }],
    ['a negative rate', { mortgage: { annualRateBps: -1, years: 20 } }],
    ['no validity', { quoteValidityDays: 0 }],
  ])('rejects a plan with %s', (_, plan) => {
    expect(errorOf(aQuoteRequest().withPlan(plan).build())).toMatchObject({ type: 'InvalidPaymentPlan' });
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 53]])('rejects a price of %d', (price) => {
    expect(errorOf(aQuoteRequest().withPrice(price).build())).toMatchObject({ type: 'InvalidAmount', field: 'price' });
  });

  it('rejects a unit from another project', () => {
    const req = aQuoteRequest().build();
    const foreign = { ...req, unit: { ...req.unit, projectId: asId<ProjectId>('project-2') } };
    expect(errorOf(foreign)).toMatchObject({ type: 'UnitNotInProject' });
  });
});

describe('quoteNumber', () => {
  it('pads the sequence to six digits and grows beyond', () => {
    expect(quoteNumber(42)).toBe('COT-000042');
    expect(quoteNumber(1_234_567)).toBe('COT-1234567');
  });

  it('refuses a sequence that cannot come from the repository', () => {
    expect(() => quoteNumber(0)).toThrow(RangeError);
  });
});

describe('mortgage rates read as effective annual (E.A.)', () => {
  it('charges $ 2.964.146 a month on $ 280.000.000 at 12 % E.A. over 20 years, not the $ 3.083.042 of 12 % / 12', () => {
    expect(monthlyPayment(280_000_000, 1200, 20)).toBe(2_964_146);
  });

  it('prints 12,5 % E.A. as 11,84 % N.M.V.', () => {
    expect(nominalMonthlyBpsOf(1250)).toBe(1184);
    expect(nominalMonthlyBpsOf(0)).toBe(0);
  });

  it('repays the principal to the peso in n payments at the monthly rate the E.A. rate compounds from, never less', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 5_000_000_000 }),
        fc.integer({ min: 1, max: 3_000 }),
        fc.integer({ min: 1, max: 30 }),
        (principal, rateBps, years) => {
          const pay = monthlyPayment(principal, rateBps, years);
          const r = monthlyRateOfEffectiveAnnual(rateBps);
          expect((1 + r) ** 12).toBeCloseTo(1 + rateBps / 10_000, 12);
          // The balance after n payments, paying `pay` each month: at most zero (repaid), and one peso less would not.
          const balanceAfter = (payment: number) => {
            let balance = principal;
            for (let month = 0; month < years * 12; month++) balance = balance * (1 + r) - payment;
            return balance;
          };
          expect(balanceAfter(pay)).toBeLessThanOrEqual(1e-6 * principal);
          expect(balanceAfter(pay - 1)).toBeGreaterThan(-1e-6 * principal);
        },
      ),
    );
  });

  it('estimates the household income the payment is at most 40 % of, rounded up to the peso', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), (payment) => {
        const income = minimumIncomeFor(payment, HOUSING_PAYMENT_TO_INCOME_BPS);
        expect(payment * 10_000).toBeLessThanOrEqual(income * HOUSING_PAYMENT_TO_INCOME_BPS);
        expect(payment * 10_000).toBeGreaterThan((income - 1) * HOUSING_PAYMENT_TO_INCOME_BPS);
      }),
    );
  });
});
