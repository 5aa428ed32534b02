import { z } from 'zod';
import { type AdReferral, CRM_LEAD_SOURCES, type FirstContact, type LeadOrigin } from '../../../domain/lead/origin.ts';
import type { UserId } from '../../../domain/shared/ids.ts';
import { branded, instant } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

export const adReferralSchema: z.ZodType<AdReferral> = z.looseObject({
  sourceType: z.enum(['ad', 'post', 'other']),
  sourceId: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  headline: z.string().nullable(),
  body: z.string().nullable(),
  mediaType: z.string().nullable(),
  ctwaClid: z.string().nullable(),
});

const firstContactFields = {
  referral: adReferralSchema.nullable(),
  text: z.string().nullable(),
  at: instant,
};

const firstContactSchema: z.ZodType<FirstContact> = z.looseObject(firstContactFields);

const leadOriginSchema: z.ZodType<LeadOrigin> = z.discriminatedUnion('channel', [
  z.looseObject({ channel: z.literal('whatsapp'), ...firstContactFields }),
  z.looseObject({
    channel: z.literal('crm'),
    source: z.enum(CRM_LEAD_SOURCES),
    createdBy: branded<UserId>(),
    note: z.string().nullable(),
  }),
]);

/** `conversations.origin`: the chat's first contact. Version 1: the first shape. */
export const firstContactCodec = versionedCodec<FirstContact>({
  name: 'first contact',
  schema: firstContactSchema,
  upgrades: [sameShape],
});

/** `leads.origin`: where the lead came from. Version 1: the first shape. */
export const leadOriginCodec = versionedCodec<LeadOrigin>({
  name: 'lead origin',
  schema: leadOriginSchema,
  upgrades: [sameShape],
});
