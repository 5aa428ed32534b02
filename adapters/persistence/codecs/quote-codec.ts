import { z } from 'zod';
import { EXTRA_KINDS, FINANCING_TYPES, HOUSING_REGIMES } from '../../../domain/catalog/catalog.ts';
import type { Quote } from '../../../domain/quote/quote.ts';
import { assembleSchedule, dueDateOf } from '../../../domain/quote/payment-schedule.ts';
import { bogotaDateOf } from '../../../domain/shared/calendar.ts';
import { SAVING_KINDS } from '../../../domain/quote/quote-options.ts';
import type { ProjectId, QuoteId, UnitId, UnitTypeId } from '../../../domain/shared/ids.ts';
import type { Money } from '../../../domain/shared/money.ts';
import type { Instant } from '../../../domain/shared/time.ts';
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
  extras: z.array(
    z.looseObject({
      extraId: z.string().nullable(),
      kind: z.enum(EXTRA_KINDS),
      label: z.string(),
      price: moneySchema,
      included: z.boolean(),
    }),
  ),
  totalPrice: moneySchema,
  separationFee: moneySchema,
  downPaymentBps: z.number(),
  downPayment: moneySchema,
  savings: z.array(z.looseObject({ kind: z.enum(SAVING_KINDS), label: z.string(), amount: moneySchema })),
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
  deliveryDate: z.string().nullable(),
  downPaymentCutOff: z.string().nullable(),
  schedule: z.array(
    z.discriminatedUnion('kind', [
      z.looseObject({ kind: z.literal('separation'), dueDate: z.string(), amount: moneySchema }),
      z.looseObject({ kind: z.literal('monthly'), number: z.number(), dueDate: z.string(), amount: moneySchema }),
      z.looseObject({ kind: z.literal('extraordinary'), number: z.number(), dueDate: z.string(), amount: moneySchema }),
      z.looseObject({ kind: z.literal('deed'), dueDate: z.string().nullable(), amount: moneySchema }),
    ]),
  ),
  housingRegime: z.enum(HOUSING_REGIMES).nullable(),
  priceRegime: z
    .looseObject({
      kind: z.literal('fixed_in_pesos'),
      cap: z
        .looseObject({
          regime: z.enum(['vis', 'vip']),
          smmlvCount: z.number(),
          smmlv: moneySchema,
          smmlvYear: z.number(),
          cap: moneySchema,
        })
        .nullable(),
    })
    .nullable(),
  financing: z.enum(FINANCING_TYPES),
  savingsToConfirm: z.boolean(),
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

type UndatedQuote = {
  readonly issuedAt: Instant;
  readonly separationFee: Money;
  readonly instalments: readonly Money[];
  readonly balanceToFinance: Money;
};

const isUndated = (value: object): value is UndatedQuote => {
  const q = value as Partial<Record<keyof UndatedQuote, unknown>>;
  return (
    typeof q.issuedAt === 'number' &&
    typeof q.separationFee === 'object' &&
    q.separationFee !== null &&
    Array.isArray(q.instalments) &&
    typeof q.balanceToFinance === 'object' &&
    q.balanceToFinance !== null
  );
};

/**
 * Version 2 → 3: quotes carry a dated schedule. A quote issued before had no delivery date: it gets the schedule
 * its figures meant, the separation on the issue day, its instalments month after month from it (as a plan without
 * delivery date is dated today), and the balance at a deed of no known date.
 */
const datedSchedule: Upgrade = (previous) => {
  if (typeof previous !== 'object' || previous === null || !isUndated(previous)) return previous;
  const issue = bogotaDateOf(previous.issuedAt);
  const { currency } = previous.balanceToFinance;
  return {
    ...previous,
    deliveryDate: null,
    downPaymentCutOff: null,
    schedule: assembleSchedule({
      issuedAt: previous.issuedAt,
      currency,
      separationFee: previous.separationFee,
      monthly: previous.instalments.map((m) => m.amount),
      monthlyDates: previous.instalments.map((_, i) => dueDateOf(issue, i + 1)),
      extraordinary: [],
      extraordinaryDates: [],
      balance: previous.balanceToFinance,
      deliveryDate: null,
    }),
  };
};

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];

/**
 * Version 3 → 4: extras and savings became catalogue-aware, and quotes state their regime and financing. An older
 * quote keeps its lines as printed: its extras were free-text and charged (`extraId: null`, kind `other`, not
 * included), its savings of kind `other`; it stated no regime (`housingRegime` and `priceRegime` null) and every
 * estimate was presented as housing credit.
 */
const catalogueAware: Upgrade = (previous) => {
  if (typeof previous !== 'object' || previous === null) return previous;
  const { extras, savings } = previous as { extras?: unknown; savings?: unknown };
  return {
    ...previous,
    extras: records(extras).map((e) => ({ extraId: null, kind: 'other', included: false, ...e })),
    savings: records(savings).map((s) => ({ kind: 'other', ...s })),
    housingRegime: null,
    priceRegime: null,
    financing: 'housing_credit',
    savingsToConfirm: false,
  };
};

/**
 * `quotes.figures`: the whole quote as issued, figures frozen. Version 1: the first shape in an envelope; 2: see
 * `ratesRead`; 3: see `datedSchedule`; 4: see `catalogueAware`.
 */
export const quoteCodec = versionedCodec<Quote>({
  name: 'quote',
  schema: quoteSchema,
  upgrades: [sameShape, ratesRead, datedSchedule, catalogueAware],
});
