import { z } from 'zod';
import type { Quote } from '../../../domain/quote/quote.ts';
import type { ProjectId, QuoteId, UnitId, UnitTypeId } from '../../../domain/shared/ids.ts';
import { branded, instant, moneySchema } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

const quoteSchema: z.ZodType<Quote> = z.looseObject({
  id: branded<QuoteId>(),
  number: z.string(),
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
  mortgage: z.looseObject({ annualRateBps: z.number(), years: z.number(), monthlyPayment: moneySchema }).nullable(),
});

/** `quotes.figures`: the whole quote as issued, figures frozen. Version 1: today's shape in an envelope. */
export const quoteCodec = versionedCodec<Quote>({ name: 'quote', schema: quoteSchema, upgrades: [sameShape] });
