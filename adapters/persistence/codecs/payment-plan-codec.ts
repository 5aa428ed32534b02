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
});

/** `projects.payment_plan`. Version 1: today's shape in an envelope. */
export const paymentPlanCodec = versionedCodec<PaymentPlan>({
  name: 'payment plan',
  schema: paymentPlanSchema,
  upgrades: [sameShape],
});
