import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectDetailsCodec } from '../../../adapters/persistence/codecs/project-details-codec.ts';
import { quoteCodec } from '../../../adapters/persistence/codecs/quote-codec.ts';
import {
  EXTRA_KINDS,
  FINANCING_TYPES,
  HOUSING_REGIMES,
  noProjectDetails,
  PROPERTY_TYPES,
  type ProjectDetails,
} from '../../../domain/catalog/catalog.ts';
import { simulateQuote } from '../../../domain/quote/quote.ts';
import { aQuoteRequest } from '../../builders/quote-request-builder.ts';

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const money = fc.record({ amount: fc.nat(), currency: fc.constant('COP' as const) });
const anyDetails: fc.Arbitrary<ProjectDetails> = fc.record({
  housingRegime: fc.constantFrom(...HOUSING_REGIMES, null),
  extras: fc.array(
    fc.record({
      id: fc.string({ minLength: 1 }),
      kind: fc.constantFrom(...EXTRA_KINDS),
      label: fc.string(),
      price: money,
      included: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  estrato: fc.option(fc.integer({ min: 1, max: 6 })),
  adminFeePerM2: fc.option(money),
  fiduciary: fc.option(fc.record({ name: fc.string(), note: fc.string() })),
  paymentChannel: fc.option(fc.string()),
  financing: fc.dictionary(fc.constantFrom(...PROPERTY_TYPES), fc.constantFrom(...FINANCING_TYPES)),
});

describe('project details codec (projects.details, version 1)', () => {
  it('gives the same details back', () => {
    fc.assert(
      fc.property(anyDetails, (details) => {
        expect(projectDetailsCodec.decode(throughJson(projectDetailsCodec.encode(details)))).toEqual(details);
      }),
    );
  });

  it('writes version 1', () => {
    expect(projectDetailsCodec.encode(noProjectDetails)).toEqual({ v: 1, value: noProjectDetails });
  });
});

describe('catalogue-aware quotes (quote version 4)', () => {
  const issued = simulateQuote(
    aQuoteRequest()
      .withProject({ housingRegime: 'vis' })
      .withPrice(185_000_000)
      .withCataloguedExtra('Parqueadero', 0, { included: true })
      .withSaving(undefined, 5_000_000, 'cesantias')
      .build(),
  );
  if (!issued.ok) throw new Error(issued.error.type);
  const quote = issued.value;

  it('writes version 4 and reads it back as issued', () => {
    const stored = throughJson(quoteCodec.encode(quote));
    expect(stored).toMatchObject({ v: 4 });
    expect(quoteCodec.decode(stored)).toEqual(quote);
  });

  it('reads a version 2 quote as printed: free-text charged extras, savings of kind other, no regime, housing credit', () => {
    const v2: Record<string, unknown> = {
      ...(throughJson(quote) as Record<string, unknown>),
      extras: [{ label: 'Parqueadero', price: { amount: 25_000_000, currency: 'COP' } }],
      savings: [{ label: 'Subsidio Mi Casa Ya', amount: { amount: 10_000_000, currency: 'COP' } }],
    };
    for (const key of ['housingRegime', 'priceRegime', 'financing', 'savingsToConfirm']) delete v2[key];
    const read = quoteCodec.decode({ v: 2, value: v2 });
    expect(read.extras).toEqual([
      {
        extraId: null,
        kind: 'other',
        included: false,
        label: 'Parqueadero',
        price: { amount: 25_000_000, currency: 'COP' },
      },
    ]);
    expect(read.savings).toEqual([
      { kind: 'other', label: 'Subsidio Mi Casa Ya', amount: { amount: 10_000_000, currency: 'COP' } },
    ]);
    expect(read).toMatchObject({
      housingRegime: null,
      priceRegime: null,
      financing: 'housing_credit',
      savingsToConfirm: false,
    });
  });
});
