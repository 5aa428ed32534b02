import { z } from 'zod';
import type { Quote } from '../../../domain/quote/quote.ts';
import type { ProjectId, QuoteId, UnitId, UnitTypeId } from '../../../domain/shared/ids.ts';
import { branded, instant, moneySchema } from './parts.ts';
import { sameShape, type Upgrade, versionedCodec } from './stored-codec.ts';

const quoteSchema: z.ZodType<Quote> = z.looseObject({
  id: branded<QuoteId>(),
  number: z.string(),
  // Quotes stored before versions were their numbers' only (first) version.
  version: z.number().int().min(1).default(1),
  issuedAt: instant,
  validUntil: instant,
  projectId: branded<ProjectId>(),
  projectName: z.string(),
  city: z.string(),
  unitId: branded<UnitId>(),
  unitCode: z.string(),
  unitTypeId: branded<UnitTypeId>(),
  unitTypeName: z.string(),
  areaM2: z.number(),
  price: moneySchema,
  extras: z.array(z.looseObject({ label: z.string(), price: moneySchema })),
  totalPrice: moneySchema,
  separationFee: moneySchema,
  downPaymentBps: z.number(),
  downPayment: moneySchema,
  savings: z.array(z.looseObject({ label: z.string(), amount: moneySchema })),
  separationCredited: z.boolean(),
  instalments: z.array(moneySchema),
  balanceToFinance: moneySchema,
  mortgage: z
    .looseObject({
      annualRateBps: z.number(),
      rateBasis: z.enum(['effective_annual', 'nominal_monthly']),
      nominalMonthlyBps: z.number(),
      years: z.number(),
      monthlyPayment: moneySchema,
      minimumIncome: moneySchema.nullable(),
    })
    .nullable(),
});

/**
 * Version 1 → 2: mortgage rates became effective annual (E.A.). A quote issued before divided its rate by 12 and
 * printed "nominal anual"; it keeps its figures and says so (`nominal_monthly`), with no minimum income.
 */
const ratesRead: Upgrade = (previous) => {
  if (typeof previous !== 'object' || previous === null) return previous;
  const { mortgage } = previous as { mortgage?: unknown };
  if (typeof mortgage !== 'object' || mortgage === null) return previous;
  const { annualRateBps } = mortgage as { annualRateBps?: unknown };
  return {
    ...previous,
    mortgage: { ...mortgage, rateBasis: 'nominal_monthly', nominalMonthlyBps: annualRateBps, minimumIncome: null },
  };
};

/** `quotes.figures`: the whole quote as issued, figures frozen. Version 1: the first shape in an envelope. */
export const quoteCodec = versionedCodec<Quote>({
  name: 'quote',
  schema: quoteSchema,
  upgrades: [sameShape, ratesRead],
});
