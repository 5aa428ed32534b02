import { z } from '@hono/zod-openapi';
import type { BotState } from '../../../domain/chatbot/bot-state.ts';
import { VISIT_STAGES as STAGES } from '../../../domain/visit/funnel.ts';
import { CRM_LEAD_SOURCES, FIRST_TEXT_MAX } from '../../../domain/lead/origin.ts';

/** Every step of the bot's conversation but `withAdvisor` (a lead with an advisor has no bot step). */
const BOT_STEPS = [
  'start',
  'awaitingEmail',
  'confirmingEmail',
  'awaitingConsent',
  'choosingFilter',
  'choosingPriceRange',
  'choosingCity',
  'choosingPropertyType',
  'choosingProject',
  'choosingUnitType',
  'choosingOutcome',
  'askingSavings',
  'quoted',
] as const satisfies readonly Exclude<BotState['step'], 'withAdvisor'>[];

export const WindowSchema = z
  .object({
    open: z.boolean(),
    closesAt: z.iso
      .datetime()
      .optional()
      .openapi({ description: 'When free-form messages stop being allowed (open only)' }),
  })
  .openapi('ConversationWindow', { example: { open: true, closesAt: '2026-11-25T15:00:00.000Z' } });

const AdReferralSchema = z
  .object({
    sourceType: z.enum(['ad', 'post', 'other']).openapi({ description: '`other`: a kind Meta added later' }),
    sourceId: z.string().nullable().openapi({ description: 'Meta’s id of the ad or post', example: '120210000000000' }),
    sourceUrl: z.string().nullable().openapi({ example: 'https://example.com/anuncio' }),
    headline: z.string().nullable().openapi({ example: 'Apartamentos en Medellín desde $250 millones' }),
    body: z.string().nullable(),
    mediaType: z.string().nullable().openapi({ example: 'image' }),
    ctwaClid: z.string().nullable().openapi({ description: 'The click id, for Meta’s conversion reports' }),
  })
  .openapi('AdReferral', { description: 'The Click-to-WhatsApp ad or post the lead tapped before writing.' });

export const LeadOriginSchema = z
  .discriminatedUnion('channel', [
    z.object({
      channel: z.literal('whatsapp'),
      referral: AdReferralSchema.nullable().openapi({ description: 'Null: the lead wrote without an ad' }),
      firstMessage: z.object({
        text: z
          .string()
          .nullable()
          .openapi({
            description: `The first message's words (text, caption or option tapped), cut to ${FIRST_TEXT_MAX} characters; null for a file without caption, a location…`,
            example: 'Hola, quiero información del proyecto',
          }),
        at: z.iso.datetime(),
      }),
    }),
    z.object({
      channel: z.literal('crm'),
      source: z.enum(CRM_LEAD_SOURCES),
      createdBy: z.string().openapi({ description: 'The user who typed it in (`bootstrap-admin` for the admin key)' }),
      note: z.string().nullable(),
    }),
  ])
  .nullable()
  .openapi('LeadOrigin', {
    description:
      'Where the lead came from: its WhatsApp chat (the first message, and the ad that brought it) or the CRM user ' +
      'who typed it in. Null for leads registered before origins were recorded. An erasure keeps the channel, the ' +
      'time and the ad (the campaign is the business’s), not the first message’s words, the click id or the note.',
  });

export const LeadSchema = z
  .object({
    id: z.string().openapi({ example: 'lead-1' }),
    lineId: z.string().openapi({ example: 'line-main' }),
    name: z.string().nullable().openapi({ example: 'María Pérez' }),
    phone: z.string().nullable().openapi({ example: '+573001234567' }),
    email: z.string().nullable().openapi({ example: 'maria@correo.com' }),
    advisorId: z.string().nullable().openapi({ example: 'u-ana' }),
    source: z.enum(['whatsapp_bot', 'crm']),
    origin: LeadOriginSchema,
    createdAt: z.iso.datetime(),
    hasWhatsApp: z.boolean().openapi({ description: 'A phone or WhatsApp user id we can write to' }),
    window: WindowSchema,
    inBot: z.boolean().openapi({
      description:
        'The bot still leads the conversation (the lead consented and has not been handed to an advisor): `step` says where they are, or dropped off',
    }),
    step: z.enum(BOT_STEPS).nullable().openapi({
      description: 'The bot step of an in-bot lead; null once an advisor has the conversation',
      example: 'choosingProject',
    }),
  })
  .openapi('Lead');

export const ConsentSchema = z
  .object({
    at: z.iso.datetime().openapi({ description: 'When the lead accepted' }),
    policyVersion: z.string().openapi({ example: '2026-01' }),
    policyTextHash: z.string().nullable().openapi({
      description:
        'SHA-256 (hex) of the consent question exactly as the lead saw it (policy summary and link); null for consents recorded before it was kept',
    }),
    messageId: z.string().nullable().openapi({
      description:
        'Meta’s id of the inbound message (the tap) that gave consent; null for consents recorded before it was kept',
      example: 'wamid.HBgM…',
    }),
    email: z.string().nullable().openapi({ description: 'The email the consent was given with; null once erased' }),
    evidenceOnlySince: z.iso.datetime().nullable().openapi({
      description: 'Set by an erasure: the record is kept only as the legally required evidence of the consent',
    }),
  })
  .openapi('Consent');

export const LeadDetailSchema = LeadSchema.extend({
  consents: z
    .array(ConsentSchema)
    .openapi({ description: 'Every consent the lead gave, oldest first (Ley 1581 de 2012: consent must be provable)' }),
}).openapi('LeadDetail');

export const LeadPageSchema = z
  .object({
    items: z.array(LeadSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page' }),
  })
  .openapi('LeadPage');

const limit = (max: number, byDefault: number) =>
  z.coerce.number().int().min(1).max(max).default(byDefault).openapi({ example: byDefault });

export const ListLeadsQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Text in name, phone or email', example: 'maría' }),
  advisorId: z.string().optional().openapi({ example: 'u-ana' }),
  stage: z.enum(STAGES).optional().openapi({ description: 'Leads with a visit at this stage' }),
  inBot: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .openapi({
      description: '`true`: only leads the bot still leads (drop-offs); `false`: only leads with an advisor',
    }),
  cursor: z.string().max(300).optional(),
  limit: limit(200, 50),
});

export const LeadIdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'lead-1' }),
});

export const CreateLeadBody = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: 'María Pérez' }),
    phone: z.string().min(4).max(40).openapi({
      description: 'As typed; national numbers are read in the default country (CO)',
      example: '300 123 4567',
    }),
    email: z.email().optional().openapi({ example: 'maria@correo.com' }),
    advisorId: z
      .string()
      .optional()
      .openapi({ description: 'Managers only; an advisor always gets their own lead', example: 'u-ana' }),
    lineId: z.string().optional().openapi({ example: 'line-main' }),
    source: z
      .enum(CRM_LEAD_SOURCES)
      .default('other')
      .openapi({ description: 'How the lead reached the company; recorded as its origin.', example: 'walk_in' }),
    sourceNote: z.string().max(500).optional().openapi({ example: 'Vino a la sala de ventas de El Poblado' }),
  })
  .openapi('CreateLead');

export const VisitSchema = z
  .object({
    id: z.string().openapi({ example: 'visit-1' }),
    leadId: z.string(),
    projectId: z.string().nullable().openapi({
      example: 'p-bog-1',
      description:
        'Null for the general visit ("sin proyecto"), opened when a lead asks for an advisor before choosing a project.',
    }),
    unitTypeId: z.string().nullable().openapi({ example: 'p-bog-1-t1' }),
    criteria: z.object({
      priceBucketId: z.string().optional(),
      priceRange: z.object({ min: z.number().int(), max: z.number().int().nullable() }).optional().openapi({
        description:
          'Prices the lead named that no price bucket holds (COP, both ends inclusive; max null: no ceiling)',
      }),
      city: z.string().optional(),
      propertyType: z.string().optional(),
    }),
    stage: z.enum(STAGES),
    createdAt: z.iso.datetime(),
  })
  .openapi('Visit');

export const OpenVisitBody = z
  .object({
    projectId: z.string().min(1).openapi({ example: 'p-bog-1' }),
    unitTypeId: z.string().min(1).optional().openapi({ example: 'p-bog-1-t1' }),
  })
  .openapi('OpenVisit');

export const UnregisteredVisitorSchema = z
  .object({
    conversationId: z.string(),
    lineId: z.string(),
    step: z.string().openapi({
      description: 'Where the visitor stands in the bot (e.g. `awaitingConsent`)',
      example: 'awaitingConsent',
    }),
    maskedPhone: z.string().nullable().openapi({
      description: 'The last four digits only: the visitor has not consented to the processing of their data',
      example: '•••• 4567',
    }),
    window: WindowSchema,
    lastInboundAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('UnregisteredVisitor');

export const UnregisteredPageSchema = z
  .object({
    items: z.array(UnregisteredVisitorSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page' }),
  })
  .openapi('UnregisteredVisitorPage');

export const ListUnregisteredQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: limit(200, 50),
});

export const LeadNoteSchema = z
  .object({
    visitId: z.string().nullable().openapi({ description: 'The visit the lead was looking at; null before any' }),
    text: z.string().openapi({ example: '¿Tienen parqueadero para visitantes?' }),
    at: z.iso.datetime(),
  })
  .openapi('LeadNote');
