import { z } from '@hono/zod-openapi';
import { CRM_LEAD_SOURCES, FIRST_TEXT_MAX } from '../../../domain/lead/origin.ts';

const STAGES = ['new', 'contacted', 'appointment', 'reserved', 'authorised', 'lost'] as const;

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
  })
  .openapi('Lead');

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
    projectId: z.string().openapi({ example: 'p-bog-1' }),
    unitTypeId: z.string().nullable().openapi({ example: 'p-bog-1-t1' }),
    criteria: z.object({
      priceBucketId: z.string().optional(),
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
