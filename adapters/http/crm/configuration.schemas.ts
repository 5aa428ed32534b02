import { z } from '@hono/zod-openapi';
import {
  EXTRA_KINDS,
  FINANCING_TYPES,
  HOUSING_REGIMES,
  PROPERTY_TYPES,
  type PropertyType,
} from '../../../domain/catalog/catalog.ts';
import { defaultBotTexts } from '../../../domain/chatbot/bot-texts.ts';

const id = z.string().min(1).max(100);
const count = (min: number) => z.number().int().min(min);
const amount = z
  .number()
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .openapi({ description: 'Integer minor units of the project currency (COP: whole pesos).' });

export const AdvisorGroupSchema = z
  .object({ id, name: z.string(), advisorIds: z.array(z.string()) })
  .openapi('AdvisorGroup');
export const AdvisorGroupInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    advisorIds: z.array(id).openapi({ description: 'Active advisors only.' }),
  })
  .openapi('AdvisorGroupInput');

export const LineInputSchema = z
  .object({
    phoneNumberId: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .openapi({ description: 'Meta phone-number id; unique across lines.' }),
    displayNumber: z.string().trim().min(1).max(40),
    name: z.string().trim().min(1).max(200),
    advisorGroupId: id,
    projectIds: z.array(id).openapi({ description: 'Projects the bot offers on this line; empty means all.' }),
    assignQuotedLeads: z.boolean().default(true).openapi({
      description:
        'Whether a lead who simulates a quote in the bot, without asking for an advisor, is assigned to the least-loaded advisor at once (true, the default) or waits unassigned for a manager.',
    }),
    formality: z.enum(['tu', 'usted']).default('tu').openapi({
      description:
        'How the bot addresses leads on this line: "tu" (the default) or the formal "usted" (its own texts).',
    }),
    botQuotesForRegistered: z.boolean().default(false).openapi({
      description:
        'Whether a registered lead whose conversation is with their advisor may ask the bot for another quote ("cotizar otro", "otra cotización"): the bot takes the conversation back at the search. False by default.',
    }),
  })
  .openapi('LineInput');
export const LineSchema = LineInputSchema.extend({
  id,
  assignQuotedLeads: z.boolean(),
  formality: z.enum(['tu', 'usted']),
  botQuotesForRegistered: z.boolean(),
}).openapi('Line');

const PaymentPlanSchema = z.object({
  separationFee: amount,
  downPaymentBps: count(0)
    .max(10_000)
    .openapi({ description: 'Down payment in basis points of the price (3000 = 30 %).' }),
  instalments: count(1),
  separationCreditedToDownPayment: z.boolean(),
  mortgage: z
    .object({
      annualRateBps: count(0).openapi({
        description: 'Effective annual rate (E.A.) in basis points, as Colombian banks quote it: 1250 is 12,5 % E.A.',
      }),
      years: count(1),
    })
    .nullable(),
  quoteValidityDays: count(1),
  instalmentRounding: count(1)
    .max(100_000_000)
    .optional()
    .openapi({
      description:
        'Monthly instalments are rounded down to a multiple of this (minor units) and the last one takes the ' +
        'difference; by default 1000 (COP) or 100 (USD cents).',
    }),
  deliveryDate: z.iso
    .date()
    .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'a date from 2000 to 2100')
    .optional()
    .openapi({
      example: '2028-06-30',
      description:
        'Delivery of the units (the deed), YYYY-MM-DD. With it, a quote has as many monthly instalments as fall due ' +
        'between its issue day and the down-payment cut-off (instalments is then not used): instalment n is due n ' +
        'months after the issue day, on its day of the month (the last day of a shorter month), in Bogotá calendar ' +
        'days. Without it, instalments monthly instalments are quoted.',
    }),
  cutOffMonthsBeforeDelivery: count(0)
    .max(60)
    .optional()
    .openapi({
      description:
        'The down payment is paid by this many months before deliveryDate (the same day of the month); by default ' +
        '3. Builders usually ask 2 or 3.',
    }),
  minimumInstalments: count(1)
    .max(600)
    .optional()
    .openapi({
      description:
        'The fewest monthly instalments a quote may have (by default 1); when fewer fit before the cut-off, quoting ' +
        'answers 409 not_enough_time_for_down_payment.',
    }),
  extraordinaryInstalments: z
    .object({
      months: z
        .array(count(1).max(12))
        .min(1)
        .max(12)
        .refine((ms) => new Set(ms).size === ms.length, 'months must be distinct')
        .openapi({ example: [6, 12], description: 'Calendar months, 1..12: [6, 12] is June and December.' }),
      shareBps: count(1)
        .max(9_999)
        .openapi({
          example: 2000,
          description:
            'Basis points of the amount paid in instalments that go into the extraordinary ones (2000 = 20 %), ' +
            'due with the monthly instalment of each chosen month; rounded like the monthly ones.',
        }),
    })
    .nullable()
    .optional()
    .openapi({ description: 'Extraordinary instalments (e.g. June and December); null or absent for none.' }),
});
const UnitTypeSchema = z.object({
  id,
  name: z.string().trim().min(1).max(200),
  propertyType: z.enum(PROPERTY_TYPES),
  bedrooms: count(0).nullable(),
  areaM2: z.number().positive(),
});
const UnitSchema = z.object({
  id,
  unitTypeId: id.openapi({ description: 'One of this project’s unit types.' }),
  code: z.string().trim().min(1).max(50),
  areaM2: z.number().positive().openapi({ description: 'Private area ("área privada"), m².' }),
  builtAreaM2: z
    .number()
    .positive()
    .nullable()
    .default(null)
    .openapi({ description: 'Built area ("área construida"), m²; null when not stated.' }),
  floor: z.number().int().min(-10).max(300).nullable().default(null),
  price: amount,
  status: z.enum(['available', 'reserved', 'sold']),
});
const ExtraSchema = z.object({
  id: id.openapi({ description: 'Unique in the project; what `POST /visits/{id}/quotes` names in `extras`.' }),
  kind: z.enum(EXTRA_KINDS),
  label: z.string().trim().min(1).max(120).openapi({ example: 'Parqueadero cubierto' }),
  price: amount,
  included: z.boolean().default(false).openapi({
    description: 'Already part of every unit price: listed on each quote as "sin costo adicional", adding nothing.',
  }),
});
const financingType = z.enum(FINANCING_TYPES);
const details = {
  housingRegime: z
    .enum(HOUSING_REGIMES)
    .nullable()
    .default(null)
    .openapi({
      description:
        'vis / vip (social / priority housing: the price is checked against its legal cap in SMMLV) or no_vis; ' +
        'null for a project that is not housing.',
    }),
  extras: z.array(ExtraSchema).max(50).default([]).openapi({ description: 'Parking spaces, storage rooms, others.' }),
  estrato: z.number().int().min(1).max(6).nullable().default(null),
  adminFeePerM2: amount.nullable().default(null).openapi({
    description: 'Estimated monthly administration fee per m² of private area, in minor units.',
  }),
  fiduciary: z
    .object({
      name: z.string().trim().min(1).max(200),
      note: z.string().trim().max(500).openapi({ example: 'Fiduciaria Bogotá, encargo fiduciario' }),
    })
    .nullable()
    .default(null),
  paymentChannel: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .nullable()
    .default(null)
    .openapi({ description: 'How buyers pay, e.g. the trust account or PSE instructions.' }),
  financing: z
    .strictObject({
      apartment: financingType.exactOptional(),
      house: financingType.exactOptional(),
      lot: financingType.exactOptional(),
      office: financingType.exactOptional(),
      commercial: financingType.exactOptional(),
      warehouse: financingType.exactOptional(),
    } satisfies Record<PropertyType, unknown>)
    .default({})
    .openapi({
      description:
        'Financing per property type, over the defaults: apartment and house housing_credit, office, commercial ' +
        'and warehouse commercial_credit, lot none (no credit estimate).',
    }),
};
export const ProjectInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    city: z.string().trim().min(1).max(100),
    currency: z.enum(['COP', 'USD']),
    description: z.string().max(2000).default(''),
    paymentPlan: PaymentPlanSchema,
    ...details,
    unitTypes: z.array(UnitTypeSchema),
    units: z.array(UnitSchema),
  })
  .openapi('ProjectInput');
export const ProjectSchema = ProjectInputSchema.extend({ id }).openapi('Project');

export const PriceBucketSchema = z
  .object({
    id,
    label: z.string().trim().min(1).max(100),
    min: amount,
    max: amount.nullable().openapi({ description: 'Inclusive; null = open-ended.' }),
  })
  .openapi('PriceBucket');
export const PriceBucketsSchema = z.object({ buckets: z.array(PriceBucketSchema) }).openapi('PriceBuckets');

export const DataPolicySchema = z
  .object({ version: z.string().trim().min(1).max(50), url: z.url(), summary: z.string().trim().min(1).max(2000) })
  .openapi('DataPolicy');

const textSchemaFor = (value: unknown) =>
  Array.isArray(value)
    ? z.array(z.string().min(1)).min(1)
    : typeof value === 'object'
      ? z
          .object(Object.fromEntries(PROPERTY_TYPES.map((t) => [t, z.string().min(1)])))
          .partial()
          .strict()
      : z.string().min(1);

const botTextShape = Object.fromEntries(
  Object.entries(defaultBotTexts).map(([key, value]) => [key, textSchemaFor(value)]),
);

export const BotTextsSchema = z.object(botTextShape).openapi('BotTexts');
export const BotTextsPatchSchema = z.object(botTextShape).partial().strict().openapi('BotTextsPatch', {
  description: 'Some of the bot texts; merged over the current ones. Unknown keys are refused.',
});
