import { z } from '@hono/zod-openapi';
import { LeadNoteSchema } from './leads.schemas.ts';
import type { Unit } from '../../../domain/catalog/catalog.ts';
import type { VisitCard } from '../../../application/use-cases/get-visit-card.ts';
import type { Visit } from '../../../domain/lead/lead.ts';
import type { Appointment } from '../../../domain/visit/appointment.ts';
import type { Reminder } from '../../../domain/visit/appointment-reminder.ts';
import { APPOINTMENT_STATUSES } from '../../../domain/visit/appointment-status.ts';
import { VISIT_STAGES as STAGES } from '../../../domain/visit/funnel.ts';
import type { Reservation } from '../../../domain/visit/reservation.ts';

const iso = (at: number) => new Date(at).toISOString();
const isoOrNull = (at: number | null) => (at === null ? null : iso(at));

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'visit_1' }),
});

export const StageBody = z.object({
  // Every stage but `new` (where visits start) and `reserved` (which a reservation sets).
  stage: z
    .enum(STAGES)
    .exclude(['new', 'reserved'])
    .openapi({
      description:
        'Forward along the funnel (new → contacted → appointment → visited → quoted may skip stages); `reserved` follows ' +
        'a reservation; `promise` (promesa firmada) only from reserved with the reservation authorised: it sells the unit; ' +
        'then `deeded`, `delivered`. `withdrawn` (desistido) and `lost` from any stage that is not final: they cancel the ' +
        'visit’s reservation and release its unit. Delivered, withdrawn and lost are final.',
    }),
});

export const NewAppointmentBody = z.object({
  startsAt: z.iso.datetime({ offset: true }).openapi({ example: '2026-11-26T15:00:00.000Z' }),
  endsAt: z.iso.datetime({ offset: true }).openapi({ example: '2026-11-26T16:00:00.000Z' }),
  note: z.string().max(2000).optional(),
  advisorId: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: 'Managers and admins only; by default the lead’s advisor' }),
});

export const AgendaQuery = z.object({
  advisorId: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: 'By default the caller (advisors only see their own)' }),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

const MoneySchema = z.object({
  amount: z.number().int().openapi({ description: 'Integer minor units (whole pesos for COP)', example: 5_000_000 }),
  currency: z.enum(['COP', 'USD']),
});

export const SeparationPaymentSchema = z
  .object({
    amount: MoneySchema,
    paidOn: z.iso
      .date()
      .openapi({ description: 'The day it was paid (Bogotá), not in the future', example: '2026-11-26' }),
    reference: z
      .string()
      .max(100)
      .nullable()
      .openapi({ description: 'Transfer or receipt reference', example: 'TRF-8841' }),
  })
  .openapi('SeparationPayment');

export const NewReservationBody = z.object({
  unitId: z.string().min(1).openapi({ example: 'ut-bog-1-1-u1' }),
  quoteId: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: 'The quote to freeze; by default the visit’s newest quote for the unit' }),
  payment: SeparationPaymentSchema.optional().openapi({ description: 'The separation payment, if already made' }),
});

export const VisitBodySchema = z
  .object({
    id: z.string(),
    leadId: z.string(),
    projectId: z.string().nullable().openapi({
      description:
        'Null for the general visit ("sin proyecto"), opened when a lead asks for an advisor before choosing a project.',
    }),
    unitTypeId: z.string().nullable(),
    stage: z.enum(STAGES),
    createdAt: z.iso.datetime(),
  })
  .openapi('VisitSummary');

export const ReminderSchema = z
  .object({
    state: z.enum(['pending', 'queued', 'not_sent', 'none']).openapi({
      description:
        'pending: waits until `dueAt`; queued: its message is in the outbox (see the conversation for delivery); ' +
        'not_sent: it came due and could not be sent (`reason`); none: the appointment was cancelled or is over',
    }),
    dueAt: z.iso.datetime().nullable(),
    at: z.iso.datetime().nullable().openapi({ description: 'When it was queued or given up' }),
    via: z
      .enum(['text', 'template'])
      .nullable()
      .openapi({ description: 'Text inside the 24-hour window, else template' }),
    messageId: z.string().nullable(),
    reason: z
      .enum(['no_approved_template', 'template_parameter_mismatch', 'lead_has_no_whatsapp', 'appointment_started'])
      .nullable(),
  })
  .openapi('AppointmentReminder');

export const AppointmentSchema = z
  .object({
    id: z.string(),
    visitId: z.string(),
    leadId: z.string(),
    advisorId: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
    status: z.enum(APPOINTMENT_STATUSES).openapi({
      description:
        'scheduled (programada), confirmed (confirmada), done (cumplida), no_show (no asistió), cancelled (cancelada)',
    }),
    reminder: ReminderSchema,
  })
  .openapi('Appointment');

export const ReservationSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    visitId: z.string(),
    leadId: z.string(),
    status: z.enum(['requested', 'authorised', 'confirmed', 'cancelled', 'expired']).openapi({
      description:
        'requested → authorised (a manager approves the separation; the unit stays separated) → confirmed (the ' +
        'visit moved to promise: the unit is sold). Requested or authorised → cancelled, or expired at `expiresAt`.',
    }),
    requestedBy: z.string(),
    authorisedBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    authorisedAt: z.iso.datetime().nullable(),
    quote: z
      .object({ quoteId: z.string(), number: z.string(), version: z.number().int(), price: MoneySchema })
      .nullable()
      .openapi({
        description: 'The quote whose price the separation freezes; null when the visit had none for the unit',
      }),
    payment: SeparationPaymentSchema.nullable().openapi({ description: 'Null until recorded' }),
    expiresAt: z.iso.datetime().openapi({
      description: 'Unless the promesa is signed by then, the unit is released (settings: `reservationExpiryDays`)',
    }),
    stageBefore: z.enum(STAGES).openapi({ description: 'The visit’s stage when the unit was reserved' }),
  })
  .openapi('Reservation');

export const CardUnitSchema = z
  .object({
    id: z.string(),
    unitTypeId: z.string(),
    code: z.string(),
    areaM2: z.number(),
    price: z.object({ amount: z.number(), currency: z.string() }),
    status: z.enum(['available', 'reserved', 'sold']),
  })
  .openapi('CardUnit');

export const CardQuoteSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    issuedAt: z.iso.datetime(),
    validUntil: z.iso.datetime(),
    unitId: z.string(),
    unitCode: z.string(),
    price: z.object({ amount: z.number(), currency: z.string() }),
    pdfMediaId: z.string().nullable(),
  })
  .openapi('CardQuote');

export const VisitCardSchema = z
  .object({
    visit: VisitBodySchema,
    units: z.array(CardUnitSchema),
    appointments: z.array(AppointmentSchema),
    reservations: z.array(ReservationSchema),
    quotes: z.array(CardQuoteSchema),
    notes: z
      .array(LeadNoteSchema)
      .openapi({ description: 'What the lead asked the bot about this visit, newest first' }),
  })
  .openapi('VisitCard');

export const visitBody = (v: Visit) => ({
  id: v.id,
  leadId: v.leadId,
  projectId: v.projectId,
  unitTypeId: v.unitTypeId,
  stage: v.stage,
  createdAt: iso(v.createdAt),
});

const reminderBody = (r: Reminder) => ({
  state: r.state,
  dueAt: r.state === 'none' ? null : iso(r.dueAt),
  at: r.state === 'queued' || r.state === 'not_sent' ? iso(r.at) : null,
  via: r.state === 'queued' ? r.via : null,
  messageId: r.state === 'queued' ? r.messageId : null,
  reason: r.state === 'not_sent' ? r.reason : null,
});

export const appointmentBody = (a: Appointment) => ({
  ...a,
  startsAt: iso(a.startsAt),
  endsAt: iso(a.endsAt),
  createdAt: iso(a.createdAt),
  reminder: reminderBody(a.reminder),
});

export const reservationBody = (r: Reservation) => ({
  ...r,
  createdAt: iso(r.createdAt),
  authorisedAt: isoOrNull(r.authorisedAt),
  expiresAt: iso(r.expiresAt),
});

const unitBody = (u: Unit) => ({
  id: u.id,
  unitTypeId: u.unitTypeId,
  code: u.code,
  areaM2: u.areaM2,
  price: { ...u.price },
  status: u.status,
});

export const visitCardBody = (card: VisitCard) => ({
  visit: visitBody(card.visit),
  units: card.units.map(unitBody),
  appointments: card.appointments.map(appointmentBody),
  reservations: card.reservations.map(reservationBody),
  notes: card.notes.map((n) => ({ visitId: n.visitId, text: n.text, at: iso(n.at) })),
  quotes: card.quotes.map(({ quote, pdfMediaId }) => ({
    id: quote.id,
    number: quote.number,
    issuedAt: iso(quote.issuedAt),
    validUntil: iso(quote.validUntil),
    unitId: quote.unitId,
    unitCode: quote.unitCode,
    price: quote.price,
    pdfMediaId,
  })),
});
