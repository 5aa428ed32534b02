import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { VISIT_STAGES } from '../../../domain/visit/funnel.ts';
import { instant, storedJson } from './columns.ts';

export const leadSource = pgEnum('lead_source', ['whatsapp_bot', 'crm']);
/** The funnel's stages, as the domain lists them (`VISIT_STAGES`). */
export const visitStage = pgEnum('visit_stage', VISIT_STAGES);
export const reservationStatus = pgEnum('reservation_status', [
  'requested',
  'authorised',
  'confirmed',
  'cancelled',
  'expired',
]);
export const appointmentStatus = pgEnum('appointment_status', [
  'scheduled',
  'confirmed',
  'done',
  'no_show',
  'cancelled',
]);

/** The statuses that hold a unit (`isActive`). */
const ACTIVE = sql`('requested', 'authorised', 'confirmed')`;

export const leads = pgTable(
  'leads',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    lineId: text('line_id').notNull(),
    name: text('name'),
    /** E.164; absent for WhatsApp users known only by their user id. */
    phone: text('phone').unique('leads_phone_unique'),
    waUserId: text('wa_user_id').unique('leads_wa_user_id_unique'),
    email: text('email'),
    consentAt: instant('consent_at'),
    consentPolicyVersion: text('consent_policy_version'),
    /** SHA-256 of the consent question the lead answered; null for consents given before it was kept. */
    consentTextHash: text('consent_text_hash'),
    /** Meta's id of the inbound message that gave consent. */
    consentMessageId: text('consent_message_id'),
    advisorId: text('advisor_id'),
    assignedAt: instant('assigned_at'),
    source: leadSource('source').notNull(),
    /** `leadOriginCodec`; null for leads from before origins were recorded. */
    origin: storedJson('origin'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('leads_advisor_idx').on(t.advisorId), index('leads_created_idx').on(t.createdAt, t.seq)],
);

/** Every consent a lead gave (personal-data law: consent must be provable), never rewritten. */
export const consents = pgTable(
  'consents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    email: text('email'),
    at: instant('at').notNull(),
    policyVersion: text('policy_version').notNull(),
    policyTextHash: text('policy_text_hash'),
    messageId: text('message_id'),
    /** Set by an erasure: kept only as the legally required evidence of the consent (no contact left). */
    evidenceOnlySince: instant('evidence_only_since'),
  },
  (t) => [uniqueIndex('consents_lead_at_version_unique').on(t.leadId, t.at, t.policyVersion)],
);

export const visits = pgTable(
  'visits',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    leadId: text('lead_id').notNull(),
    /** Null for a general visit ("sin proyecto"): the lead asked for an advisor before choosing a project. */
    projectId: text('project_id'),
    unitTypeId: text('unit_type_id'),
    stage: visitStage('stage').notNull(),
    /** `searchCriteriaCodec`. */
    criteria: storedJson('criteria').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('visits_lead_idx').on(t.leadId, t.createdAt, t.seq)],
);

export const appointments = pgTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    visitId: text('visit_id').notNull(),
    leadId: text('lead_id').notNull(),
    advisorId: text('advisor_id').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    note: text('note'),
    createdAt: instant('created_at').notNull(),
    status: appointmentStatus('status').notNull().default('scheduled'),
    /** `reminderCodec`: the reminder's state (appointments booked before reminders existed: none). */
    reminder: storedJson('reminder').notNull().default(sql`'{"v":1,"value":{"state":"none"}}'::jsonb`),
    /** When the reminder is due, only while it is pending: what the reminder workers claim by. */
    reminderDueAt: instant('reminder_due_at'),
  },
  (t) => [
    index('appointments_advisor_idx').on(t.advisorId, t.startsAt),
    index('appointments_visit_idx').on(t.visitId),
    index('appointments_reminder_due_idx').on(t.reminderDueAt).where(sql`${t.reminderDueAt} is not null`),
    check('appointments_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const reservations = pgTable(
  'reservations',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id').notNull(),
    visitId: text('visit_id').notNull(),
    leadId: text('lead_id').notNull(),
    status: reservationStatus('status').notNull(),
    requestedBy: text('requested_by').notNull(),
    authorisedBy: text('authorised_by'),
    createdAt: instant('created_at').notNull(),
    authorisedAt: instant('authorised_at'),
    /** The quote whose price the separation freezes; all four null when the visit had none for the unit. */
    quoteId: text('quote_id'),
    quoteNumber: text('quote_number'),
    quoteVersion: integer('quote_version'),
    /** Integer minor units of `quote_currency`. */
    quotePrice: bigint('quote_price', { mode: 'number' }),
    quoteCurrency: text('quote_currency'),
    /** The separation payment; amount, currency and date are null until it is recorded. */
    paymentAmount: bigint('payment_amount', { mode: 'number' }),
    paymentCurrency: text('payment_currency'),
    paymentDate: date('payment_date', { mode: 'string' }),
    paymentReference: text('payment_reference'),
    expiresAt: instant('expires_at').notNull(),
    stageBefore: visitStage('stage_before').notNull(),
  },
  (t) => [
    // A unit is reserved at most once at a time: a second active reservation is a unique violation.
    uniqueIndex('reservations_one_active_per_unit').on(t.unitId).where(sql`${t.status} in ${ACTIVE}`),
    // A visit holds one active reservation at a time: a second one is a unique violation too.
    uniqueIndex('reservations_one_active_per_visit').on(t.visitId).where(sql`${t.status} in ${ACTIVE}`),
    index('reservations_visit_idx').on(t.visitId),
    // What the expiry worker claims: open reservations by expiry.
    index('reservations_open_expiry_idx').on(t.expiresAt).where(sql`${t.status} in ('requested', 'authorised')`),
  ],
);

/** Questions leads asked the bot, for their advisor (the lead's own words: deleted by an erasure). */
export const leadNotes = pgTable(
  'lead_notes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    leadId: text('lead_id').notNull(),
    visitId: text('visit_id'),
    text: text('text').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('lead_notes_lead_idx').on(t.leadId, t.id)],
);
