import { z } from '@hono/zod-openapi';
import { EXTRA_KINDS, FINANCING_TYPES, HOUSING_REGIMES } from '../../../domain/catalog/catalog.ts';
import { SAVING_KINDS } from '../../../domain/quote/quote-options.ts';
import { MessageSchema } from './conversation.schemas.ts';

const idParam = (example: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .openapi({ param: { name: 'id', in: 'path' }, example }),
  });

export const MediaIdParam = idParam('media-3');
export const VisitIdParam = idParam('visit-1');
export const QuoteIdParam = idParam('quote-4');

export const TemplateSchema = z
  .object({
    name: z.string().openapi({ example: 'bienvenida' }),
    language: z.string().openapi({ example: 'es_CO' }),
    category: z.string().openapi({ example: 'UTILITY' }),
    body: z.string().openapi({ example: '¡Hola {{1}}! Soy {{2}}, tu asesor(a) de vivienda.' }),
    parameterCount: z.number().int().openapi({ example: 2 }),
  })
  .openapi('Template');

export const SyncReportSchema = z
  .object({ fetched: z.number().int(), approved: z.number().int() })
  .openapi('TemplateSyncReport');

export const UploadBody = z.object({
  file: z
    .custom<File>((v) => v instanceof File, { message: 'Send the file in a multipart `file` field' })
    .openapi({ type: 'string', format: 'binary', description: 'The file; a voice note must be audio/ogg (Opus)' }),
});

export const UploadedMediaSchema = z
  .object({
    id: z.string().openapi({ example: 'media-3' }),
    mimeType: z.string().openapi({ example: 'application/pdf' }),
    filename: z.string().nullable().openapi({ example: 'brochure.pdf' }),
    size: z.number().int().openapi({ example: 48213 }),
  })
  .openapi('UploadedMedia');

export const NewQuoteBody = z
  .object({
    unitId: z.string().min(1).optional().openapi({ example: 'p-bog-1-t1-u1' }),
    unitTypeId: z
      .string()
      .min(1)
      .optional()
      .openapi({ example: 'p-bog-1-t1', description: 'Quotes its reference unit when no unit is named' }),
    extras: z
      .array(z.string().min(1).max(100))
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Name each extra once' })
      .default([])
      .openapi({
        example: ['p-bog-1-parking-2'],
        description:
          'Optional extras of the project (parking, storage) by catalogue id; its included extras are listed anyway ' +
          '(as "sin costo adicional"). An id the project does not catalogue is refused with `unknown_extra`.',
      }),
    savings: z
      .array(
        z.object({
          kind: z.enum(SAVING_KINDS),
          amount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({
            description: 'Integer minor units of the project currency',
          }),
          label: z.string().trim().min(1).max(120).optional().openapi({
            description: 'By default "Cesantías", "Subsidio de vivienda (caja de compensación)" or "Ahorro propio"',
          }),
        }),
      )
      .max(10)
      .default([])
      .openapi({
        description:
          'Savings applied to the down payment; more than the down payment is refused with `savings_exceed_down_payment`.',
      }),
  })
  .refine((b) => b.unitId !== undefined || b.unitTypeId !== undefined, {
    message: 'Name unitId or unitTypeId',
    path: ['unitId'],
  })
  .openapi('NewQuote');

const MoneySchema = z
  .object({
    amount: z.number().int(),
    currency: z.enum(['COP', 'USD']),
    formatted: z.string().openapi({ example: '$ 350.000.000' }),
  })
  .openapi('Money');

export const QuoteSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'COT-000001' }),
    version: z
      .number()
      .int()
      .min(1)
      .openapi({
        description:
          'Re-quoting a unit to the same lead keeps the number and issues the next version; earlier versions stay ' +
          'readable, and only the latest can be sent (409 quote_superseded)',
        example: 1,
      }),
    reference: z.string().openapi({
      description: 'The printed reference: the number, with "-<version>" from version 2 on',
      example: 'COT-000001-2',
    }),
    superseded: z
      .boolean()
      .openapi({ description: 'A newer version of this quote exists: it stays readable, and only the newest is sent' }),
    visitId: z.string().nullable(),
    conversationId: z.string(),
    issuedAt: z.string().openapi({ format: 'date-time' }),
    validUntil: z.string().openapi({ format: 'date-time' }),
    projectId: z.string(),
    projectName: z.string(),
    city: z.string(),
    unitId: z.string(),
    unitCode: z.string(),
    unitTypeId: z.string(),
    unitTypeName: z.string(),
    areaM2: z.number(),
    price: MoneySchema,
    extras: z.array(
      z.object({
        extraId: z.string().nullable().openapi({ description: 'Null on quotes issued before extras were catalogued' }),
        kind: z.enum(EXTRA_KINDS),
        label: z.string(),
        price: MoneySchema,
        included: z
          .boolean()
          .openapi({ description: 'Part of the unit price ("sin costo adicional"): not added to the total' }),
      }),
    ),
    totalPrice: MoneySchema,
    separationFee: MoneySchema,
    separationCredited: z.boolean(),
    downPaymentBps: z.number().int(),
    downPayment: MoneySchema,
    savings: z.array(z.object({ kind: z.enum(SAVING_KINDS), label: z.string(), amount: MoneySchema })),
    savingsToConfirm: z.boolean().openapi({
      description: 'The lead told the bot they will use cesantías or a subsidy; an advisor confirms the amounts',
    }),
    instalments: z
      .array(z.object({ count: z.number().int(), amount: MoneySchema }))
      .openapi({ description: 'Runs of equal monthly instalments (their dates are in schedule)' }),
    balanceToFinance: MoneySchema,
    mortgage: z
      .object({
        annualRateBps: z
          .number()
          .int()
          .openapi({ description: 'The plan rate in basis points, read as rateBasis says' }),
        rateBasis: z.enum(['effective_annual', 'nominal_monthly']).openapi({
          description:
            'effective_annual (E.A., as Colombian banks quote it) for every quote issued now; nominal_monthly for ' +
            'quotes issued before rates were read as E.A. (their payment divided the rate by 12)',
        }),
        nominalMonthlyBps: z
          .number()
          .int()
          .openapi({ description: 'The same rate as a nominal annual rate compounded monthly (N.M.V.)' }),
        years: z.number().int(),
        monthlyPayment: MoneySchema,
        minimumIncome: MoneySchema.nullable().openapi({
          description: 'Least household income of which the payment is 40 %; null on quotes issued before',
        }),
      })
      .nullable(),
    deliveryDate: z.iso.date().nullable().openapi({
      example: '2028-06-30',
      description: "The project's delivery (the deed) when the plan has one; null otherwise and on older quotes",
    }),
    downPaymentCutOff: z.iso.date().nullable().openapi({
      example: '2028-03-30',
      description:
        'The day the down payment is paid by (cutOffMonthsBeforeDelivery before delivery); null without delivery',
    }),
    schedule: z
      .array(
        z.object({
          kind: z.enum(['separation', 'monthly', 'extraordinary', 'deed']).openapi({
            description:
              'separation (on the issue day), monthly (the last one is the adjustment instalment), extraordinary ' +
              '(with the monthly instalment of its month), deed (the balance to finance, paid at the deed)',
          }),
          number: z
            .number()
            .int()
            .nullable()
            .openapi({ description: '1..n among the monthly, or among the extraordinary instalments; else null' }),
          dueDate: z.iso.date().nullable().openapi({
            description: 'Bogotá calendar day; null only for the deed of a plan without delivery date',
          }),
          amount: MoneySchema,
        }),
      )
      .openapi({
        description:
          'Every payment in paying order. Monthly plus extraordinary amounts add up to the down payment minus ' +
          'savings and the credited separation, exactly.',
      }),
    housingRegime: z.enum(HOUSING_REGIMES).nullable().openapi({
      description:
        'The project’s regime when quoted; null when not housing, or on quotes issued before it was recorded',
    }),
    priceRegime: z
      .object({
        kind: z.literal('fixed_in_pesos').openapi({
          description: 'Price fixed in Colombian pesos from the separation on (SIC, Circular Externa 004 de 2024)',
        }),
        cap: z
          .object({
            regime: z.enum(['vis', 'vip']),
            smmlvCount: z.number().int(),
            smmlv: MoneySchema,
            smmlvYear: z.number().int(),
            cap: MoneySchema,
          })
          .nullable()
          .openapi({ description: 'The VIS/VIP legal price cap the unit price was checked against' }),
      })
      .nullable()
      .openapi({ description: 'Null on quotes issued before the price regime was stated' }),
    financing: z.enum(FINANCING_TYPES).openapi({
      description:
        'How the balance is financed for this property type: the `mortgage` estimate is housing credit, leasing ' +
        'habitacional or commercial credit (no minimum income); none (lots) has no estimate',
    }),
    pdfMediaId: z.string().nullable().openapi({ description: 'Download with GET /media/{id}' }),
  })
  .openapi('Quote');

/** The queued messages: the summary text, then the PDF document. */
export const SentQuoteSchema = z.object({ messages: z.array(MessageSchema) }).openapi('SentQuote');
