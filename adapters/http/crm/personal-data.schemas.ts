import { z } from '@hono/zod-openapi';
import type { Erasure } from '../../../application/use-cases/erase-lead.ts';
import type { PersonalDataExport } from '../../../application/use-cases/export-personal-data.ts';
import type { Conversation } from '../../../domain/conversation/conversation.ts';
import type { DataSubjectRequest } from '../../../domain/lead/erasure.ts';
import type { Lead } from '../../../domain/lead/lead.ts';
import { QuoteSchema } from './chat-tools.schemas.ts';
import { MessageSchema } from './conversation.schemas.ts';
import { consentJson, iso, messageJson, noteJson, originJson, visitJson } from './leads.presenters.ts';
import { ConsentSchema, LeadNoteSchema, LeadOriginSchema, VisitSchema } from './leads.schemas.ts';
import { quoteJson } from './quote.presenters.ts';
import { AppointmentSchema, appointmentBody, ReservationSchema, reservationBody } from './visit-card.schemas.ts';

const isoOrNull = (t: number | null) => (t === null ? null : iso(t));
const firstContactJson = (o: Conversation['origin']) =>
  o === null ? null : { referral: o.referral === null ? null : { ...o.referral }, text: o.text, at: iso(o.at) };

export const DataSubjectRequestSchema = z
  .object({
    id: z.string().openapi({ example: 'dsr_1' }),
    leadId: z.string().openapi({ example: 'lead-1' }),
    kind: z.enum(['access', 'erasure']).openapi({ description: '`access`: an export; `erasure`: an erasure' }),
    actor: z.string().openapi({ description: 'Who did it: a user id, or `bootstrap-admin`', example: 'u-admin' }),
    at: z.iso.datetime(),
    mediaIds: z.array(z.string()).openapi({ description: 'The files an erasure deleted (ids only)' }),
  })
  .openapi('DataSubjectRequest');

export const DataSubjectRequestPageSchema = z
  .object({ items: z.array(DataSubjectRequestSchema), nextCursor: z.string().nullable() })
  .openapi('DataSubjectRequestPage');

export const ListDataSubjectRequestsQuery = z.object({
  leadId: z.string().min(1).max(200).optional().openapi({ description: 'One lead’s requests', example: 'lead-1' }),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
});

const StoredLeadSchema = z
  .object({
    id: z.string(),
    lineId: z.string(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    waUserId: z.string().nullable().openapi({ description: 'WhatsApp’s business-scoped user id' }),
    email: z.string().nullable(),
    consent: z
      .object({
        at: z.iso.datetime(),
        policyVersion: z.string(),
        policyTextHash: z.string().nullable(),
        messageId: z.string().nullable(),
      })
      .nullable(),
    advisorId: z.string().nullable(),
    assignedAt: z.iso.datetime().nullable(),
    source: z.enum(['whatsapp_bot', 'crm']),
    origin: LeadOriginSchema,
    createdAt: z.iso.datetime(),
  })
  .openapi('StoredLead');

const StoredConversationSchema = z
  .object({
    id: z.string(),
    lineId: z.string(),
    phone: z.string().nullable(),
    waUserId: z.string().nullable(),
    profileName: z.string().nullable(),
    leadId: z.string().nullable(),
    bot: z
      .looseObject({ step: z.string() })
      .openapi({ description: 'The bot’s state, as stored (it may hold the e-mail typed)' }),
    lastInboundAt: z.iso.datetime().nullable(),
    firstContact: z
      .object({ referral: z.looseObject({}).nullable(), text: z.string().nullable(), at: z.iso.datetime() })
      .nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('StoredConversation');

const PersonalFileSchema = z
  .object({
    id: z.string(),
    messageId: z.string().nullable().openapi({ description: 'The message that carried it' }),
    quoteId: z.string().nullable().openapi({ description: 'The quote it is the PDF of' }),
    mimeType: z.string().nullable(),
    filename: z.string().nullable(),
    downloadUrl: z.string().openapi({ example: '/api/v1/media/media_1' }),
  })
  .openapi('PersonalFile');

export const PersonalDataExportSchema = z
  .object({
    lead: StoredLeadSchema,
    conversations: z.array(StoredConversationSchema),
    messages: z.array(MessageSchema),
    files: z.array(PersonalFileSchema),
    visits: z.array(VisitSchema),
    quotes: z.array(QuoteSchema),
    appointments: z.array(AppointmentSchema),
    reservations: z.array(ReservationSchema),
    consents: z.array(ConsentSchema),
    notes: z.array(LeadNoteSchema).openapi({ description: 'Questions the lead asked the bot, kept for the advisor' }),
    requests: z.array(DataSubjectRequestSchema).openapi({ description: 'Requests about this lead, this one included' }),
  })
  .openapi('PersonalDataExport');

export const ErasureSchema = z
  .object({
    request: DataSubjectRequestSchema,
    messages: z.number().int().openapi({ description: 'Messages whose content was erased' }),
    conversations: z.number().int(),
  })
  .openapi('Erasure');

export const dataSubjectRequestBody = (r: DataSubjectRequest) => ({ ...r, mediaIds: [...r.mediaIds], at: iso(r.at) });

const storedLeadBody = (l: Lead) => ({
  ...l,
  consent:
    l.consent === null
      ? null
      : {
          at: iso(l.consent.at),
          policyVersion: l.consent.policyVersion,
          policyTextHash: l.consent.policyTextHash,
          messageId: l.consent.messageId,
        },
  assignedAt: isoOrNull(l.assignedAt),
  origin: originJson(l.origin),
  createdAt: iso(l.createdAt),
});

/** The bot state as plain JSON (its optional members, absent when unset, are dropped rather than `undefined`). */
const botJson = (bot: Conversation['bot']): { readonly step: string } => JSON.parse(JSON.stringify(bot));

const storedConversationBody = ({ contact, origin, bot, ...c }: Conversation) => ({
  ...c,
  phone: contact.phone,
  waUserId: contact.userId,
  bot: botJson(bot),
  lastInboundAt: isoOrNull(c.lastInboundAt),
  firstContact: firstContactJson(origin),
  createdAt: iso(c.createdAt),
});

export const personalDataBody = (e: PersonalDataExport) => ({
  lead: storedLeadBody(e.lead),
  conversations: e.conversations.map(storedConversationBody),
  messages: e.messages.map(messageJson),
  files: e.files.map((f) => ({ ...f, downloadUrl: `/api/v1/media/${encodeURIComponent(f.id)}` })),
  visits: e.visits.map(visitJson),
  quotes: e.quotes.map((q) => quoteJson(q)),
  appointments: e.appointments.map(appointmentBody),
  reservations: e.reservations.map(reservationBody),
  consents: e.consents.map(consentJson),
  notes: e.notes.map(noteJson),
  requests: e.requests.map(dataSubjectRequestBody),
});

export const erasureBody = (e: Erasure) => ({ ...e, request: dataSubjectRequestBody(e.request) });
