import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FINANCING,
  FINANCING_TYPES,
  type HousingRegime,
  PROPERTY_TYPES,
  type PropertyType,
} from '../../../domain/catalog/catalog.ts';
import { basisPointsOf } from '../../../domain/quote/payment-math.ts';
import { defaultHousingRules } from '../../../domain/quote/price-regime.ts';
import { type Quote, type QuoteError, type QuoteRequest, simulateQuote } from '../../../domain/quote/quote.ts';
import { DEFAULT_SAVING_LABELS, SAVING_KINDS } from '../../../domain/quote/quote-options.ts';
import { aQuoteRequest } from '../../builders/quote-request-builder.ts';

const quoteOf = (req: QuoteRequest): Quote => {
  const result = simulateQuote(req);
  if (!result.ok) throw new Error(`expected a quote, got ${JSON.stringify(result.error)}`);
  return result.value;
};
const errorOf = (req: QuoteRequest): QuoteError | 'no error' => {
  const result = simulateQuote(req);
  return result.ok ? 'no error' : result.error;
};
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
/** 2026: 150 × $ 1.750.905 = $ 262.635.750 for VIS, 90 × = $ 157.581.450 for VIP. */
const VIS_CAP = 262_635_750;
const VIP_CAP = 157_581_450;

describe('financing per property type', () => {
  const overrides = fc.dictionary(fc.constantFrom(...PROPERTY_TYPES), fc.constantFrom(...FINANCING_TYPES));

  it('follows the project override, else the default; none has no estimate, commercial no income rule', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROPERTY_TYPES), overrides, fc.boolean(), (type, financing, withPlan) => {
        const req = aQuoteRequest()
          .withUnitType({ propertyType: type })
          .withProject({ financing })
          .withPlan({ mortgage: withPlan ? { annualRateBps: 1250, years: 15 } : null })
          .build();
        const q = quoteOf(req);
        const expected = financing[type] ?? DEFAULT_FINANCING[type];
        expect(q.financing).toBe(expected);
        if (!withPlan || expected === 'none') expect(q.mortgage).toBeNull();
        else if (expected === 'commercial_credit') expect(q.mortgage?.minimumIncome).toBeNull();
        else expect(q.mortgage?.minimumIncome).not.toBeNull();
      }),
    );
  });

  it('defaults housing to housing credit, offices, shops and warehouses to commercial credit, lots to none', () => {
    const of = (t: PropertyType) => quoteOf(aQuoteRequest().withUnitType({ propertyType: t }).build()).financing;
    expect(PROPERTY_TYPES.map(of)).toEqual([
      'housing_credit',
      'housing_credit',
      'none',
      'commercial_credit',
      'commercial_credit',
      'commercial_credit',
    ]);
  });
});

describe('the VIS / VIP legal price cap', () => {
  const regimes = fc.constantFrom<HousingRegime | null>('vis', 'vip', 'no_vis', null);

  it('refuses a VIS or VIP unit priced over its cap in SMMLV, and only those', () => {
    fc.assert(
      fc.property(regimes, fc.integer({ min: 100_000_000, max: 400_000_000 }), (housingRegime, price) => {
        const result = simulateQuote(aQuoteRequest().withProject({ housingRegime }).withPrice(price).build());
        const cap = housingRegime === 'vis' ? VIS_CAP : housingRegime === 'vip' ? VIP_CAP : null;
        if (cap !== null && price > cap) {
          expect(result).toMatchObject({ ok: false, error: { type: 'PriceOverHousingCap', cap: { amount: cap } } });
        } else {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value.priceRegime?.cap?.cap.amount ?? null).toBe(cap);
        }
      }),
    );
  });

  it('reads the cap from the desk’s rules: 135 SMMLV refuses what 150 allows', () => {
    const req = aQuoteRequest().withProject({ housingRegime: 'vis' }).withPrice(240_000_000).build();
    expect(simulateQuote(req).ok).toBe(true);
    const rules = { ...defaultHousingRules, capSmmlv: { vis: 135, vip: 90 } };
    expect(errorOf({ ...req, housingRules: rules })).toMatchObject({ type: 'PriceOverHousingCap', smmlvCount: 135 });
  });

  it('records the regime and states the price fixed in pesos on every new quote', () => {
    const q = quoteOf(aQuoteRequest().withProject({ housingRegime: 'vis' }).withPrice(185_000_000).build());
    expect(q.housingRegime).toBe('vis');
    expect(q.priceRegime).toEqual({
      kind: 'fixed_in_pesos',
      cap: {
        regime: 'vis',
        smmlvCount: 150,
        smmlv: defaultHousingRules.smmlv,
        smmlvYear: 2026,
        cap: { amount: VIS_CAP, currency: 'COP' },
      },
    });
  });
});

const extraSpec = fc.record({
  price: fc.integer({ min: 0, max: 90_000_000 }),
  included: fc.boolean(),
  chosen: fc.boolean(),
});

describe('catalogued extras', () => {
  it('add the chosen optional ones to the total price; included ones are always listed and add nothing', () => {
    fc.assert(
      fc.property(fc.array(extraSpec, { maxLength: 6 }), fc.integer({ min: 0, max: 2_000_000_000 }), (specs, price) => {
        let b = aQuoteRequest().withPrice(price).withSeparation(0, true);
        specs.forEach((s, i) => {
          b = b.withCataloguedExtra(`Extra ${i + 1}`, s.price, { included: s.included });
          if (s.chosen) b = b.choosingExtra(`extra-${i + 1}`);
        });
        const q = quoteOf(b.build());
        const charged = specs.filter((s) => !s.included && s.chosen);
        expect(q.totalPrice.amount).toBe(price + sum(charged.map((s) => s.price)));
        expect(q.extras.filter((e) => e.included)).toHaveLength(specs.filter((s) => s.included).length);
        expect(q.extras.filter((e) => !e.included)).toHaveLength(charged.length);
        expect(q.downPayment.amount + q.balanceToFinance.amount).toBe(q.totalPrice.amount);
      }),
    );
  });

  it('refuses an extra the project does not catalogue', () => {
    const req = aQuoteRequest().withCataloguedExtra('Parqueadero', 20_000_000).choosingExtra('extra-9').build();
    expect(errorOf(req)).toEqual({ type: 'UnknownExtra', extraId: 'extra-9' });
  });
});

describe('savings', () => {
  const saving = fc.record({
    kind: fc.constantFrom(...SAVING_KINDS),
    amount: fc.integer({ min: 1, max: 80_000_000 }),
    label: fc.option(fc.constantFrom('Subsidio Mi Casa Ya', 'Cesantías Porvenir'), { nil: undefined }),
  });

  it('never exceed the down payment: either refused, or the instalments cover exactly what is left', () => {
    fc.assert(
      fc.property(fc.array(saving, { maxLength: 4 }), (savings) => {
        let b = aQuoteRequest().withSeparation(0, true);
        for (const s of savings) b = b.withSaving(s.label, s.amount, s.kind);
        const req = b.build();
        const down = basisPointsOf(req.unit.price.amount, req.project.paymentPlan.downPaymentBps);
        const saved = sum(savings.map((s) => s.amount));
        const result = simulateQuote(req);
        if (saved > down) {
          expect(result).toMatchObject({ ok: false, error: { type: 'SavingsExceedDownPayment' } });
          return;
        }
        if (!result.ok) throw new Error(result.error.type);
        expect(sum(result.value.instalments.map((m) => m.amount))).toBe(down - saved);
        expect(result.value.savings.map((s) => s.kind)).toEqual(savings.map((s) => s.kind));
        result.value.savings.forEach((s, i) => {
          expect(s.label).toBe(savings[i]?.label ?? DEFAULT_SAVING_LABELS[s.kind]);
        });
      }),
    );
  });

  it('are labelled in Spanish by kind when the request names no label', () => {
    const q = quoteOf(
      aQuoteRequest()
        .withSaving(undefined, 10_000_000, 'cesantias')
        .withSaving(undefined, 5_000_000, 'subsidy')
        .build(),
    );
    expect(q.savings.map((s) => s.label)).toEqual(['Cesantías', 'Subsidio de vivienda (caja de compensación)']);
  });
});
