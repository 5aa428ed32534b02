import { z } from 'zod';
import type { PaymentPlan } from '../../../domain/catalog/catalog.ts';
import { moneySchema } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

const paymentPlanSchema: z.ZodType<PaymentPlan> = z.looseObject({
  separationFee: moneySchema,
  downPaymentBps: z.number(),
  instalments: z.number(),
  separationCreditedToDownPayment: z.boolean(),
  mortgage: z.looseObject({ annualRateBps: z.number(), years: z.number() }).nullable(),
  quoteValidityDays: z.number(),
  instalmentRounding: z.number().exactOptional(),
  deliveryDate: z.string().exactOptional(),
  cutOffMonthsBeforeDelivery: z.number().exactOptional(),
  minimumInstalments: z.number().exactOptional(),
  extraordinaryInstalments: z
    .looseObject({ months: z.array(z.number()), shareBps: z.number() })
    .nullable()
    .exactOptional(),
});

/**
 * `projects.payment_plan`. Version 1: today's shape in an envelope. Fields added since (rounding, delivery date,
 * cut-off, minimum and extraordinary instalments) are optional: a plan stored without them quotes as it did.
 */
export const paymentPlanCodec = versionedCodec<PaymentPlan>({
  name: 'payment plan',
  schema: paymentPlanSchema,
  upgrades: [sameShape],
});
