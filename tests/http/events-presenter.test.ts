import { describe, expect, it } from 'vitest';
import {
  deskEventPayload,
  type DeskEventPayloads,
  type DeskEventType,
} from '../../adapters/http/crm/events.presenter.ts';
import type { DeskEvent } from '../../application/ports/events.ts';
import {
  asId,
  type ConversationId,
  type LeadId,
  type MessageId,
  type UnitId,
  type UserId,
  type VisitId,
} from '../../domain/shared/ids.ts';
import type { AppointmentId } from '../../domain/visit/appointment.ts';
import type { ReservationId } from '../../domain/visit/reservation.ts';

const conversationId = asId<ConversationId>('conv-1');
const leadId = asId<LeadId>('lead-1');
const messageId = asId<MessageId>('msg-1');
const advisorId = asId<UserId>('u-ana');

/**
 * One event of every type with the payload the CRM reads for it, field for field. A mapped type, so a new
 * event type does not compile until it has a case here too.
 */
const CASES: {
  readonly [T in DeskEventType]: readonly [Extract<DeskEvent, { type: T }>, DeskEventPayloads[T]];
} = {
  message_received: [
    { type: 'message_received', conversationId, leadId: null, messageId },
    { v: 1, type: 'message_received', conversationId: 'conv-1', leadId: null, messageId: 'msg-1' },
  ],
  message_queued: [
    { type: 'message_queued', conversationId, leadId, messageId },
    { v: 1, type: 'message_queued', conversationId: 'conv-1', leadId: 'lead-1', messageId: 'msg-1' },
  ],
  message_status_changed: [
    { type: 'message_status_changed', conversationId, leadId, messageId, status: 'read' },
    {
      v: 1,
      type: 'message_status_changed',
      conversationId: 'conv-1',
      leadId: 'lead-1',
      messageId: 'msg-1',
      status: 'read',
    },
  ],
  lead_registered: [
    { type: 'lead_registered', leadId, advisorId: null },
    { v: 1, type: 'lead_registered', leadId: 'lead-1', advisorId: null },
  ],
  lead_assigned: [
    { type: 'lead_assigned', leadId, advisorId },
    { v: 1, type: 'lead_assigned', leadId: 'lead-1', advisorId: 'u-ana' },
  ],
  visit_changed: [
    { type: 'visit_changed', leadId, visitId: asId<VisitId>('visit-1') },
    { v: 1, type: 'visit_changed', leadId: 'lead-1', visitId: 'visit-1' },
  ],
  lead_note_added: [
    { type: 'lead_note_added', leadId, visitId: asId<VisitId>('visit-1') },
    { v: 1, type: 'lead_note_added', leadId: 'lead-1', visitId: 'visit-1' },
  ],
  conversation_handed: [
    { type: 'conversation_handed', leadId, conversationId, to: 'bot' },
    { v: 1, type: 'conversation_handed', leadId: 'lead-1', conversationId: 'conv-1', to: 'bot' },
  ],
  appointment_changed: [
    {
      type: 'appointment_changed',
      leadId,
      visitId: asId<VisitId>('visit-1'),
      appointmentId: asId<AppointmentId>('appt-1'),
      advisorId,
      status: 'confirmed',
      change: 'status_changed',
    },
    {
      v: 1,
      type: 'appointment_changed',
      leadId: 'lead-1',
      visitId: 'visit-1',
      appointmentId: 'appt-1',
      advisorId: 'u-ana',
      status: 'confirmed',
      change: 'status_changed',
    },
  ],
  appointment_reminder_not_sent: [
    {
      type: 'appointment_reminder_not_sent',
      leadId,
      visitId: asId<VisitId>('visit-1'),
      appointmentId: asId<AppointmentId>('appt-1'),
      advisorId,
      reason: 'no_approved_template',
    },
    {
      v: 1,
      type: 'appointment_reminder_not_sent',
      leadId: 'lead-1',
      visitId: 'visit-1',
      appointmentId: 'appt-1',
      advisorId: 'u-ana',
      reason: 'no_approved_template',
    },
  ],
  reservation_expired: [
    {
      type: 'reservation_expired',
      leadId,
      visitId: asId<VisitId>('visit-1'),
      reservationId: asId<ReservationId>('resv-1'),
      unitId: asId<UnitId>('unit-1'),
    },
    {
      v: 1,
      type: 'reservation_expired',
      leadId: 'lead-1',
      visitId: 'visit-1',
      reservationId: 'resv-1',
      unitId: 'unit-1',
    },
  ],
  user_deactivated: [
    { type: 'user_deactivated', userId: advisorId },
    { v: 1, type: 'user_deactivated', userId: 'u-ana' },
  ],
};

describe('GET /events payloads (events.presenter)', () => {
  for (const [type, [event, payload]] of Object.entries(CASES))
    it(`presents ${type} as version 1 with the same fields and values the stream always carried`, () => {
      expect(deskEventPayload(event)).toStrictEqual(payload);
      // Today's clients read the event's own fields: each is still there, with its value.
      expect(deskEventPayload(event)).toStrictEqual({ v: 1, ...event });
    });

  it('publishes only the fields it names, whatever else an event object carries', () => {
    const event = Object.assign({ type: 'lead_assigned', leadId, advisorId } satisfies DeskEvent, {
      previousAdvisorId: 'u-carlos',
      instanceId: 'instance-a',
    });
    expect(deskEventPayload(event)).toStrictEqual({
      v: 1,
      type: 'lead_assigned',
      leadId: 'lead-1',
      advisorId: 'u-ana',
    });
  });
});
