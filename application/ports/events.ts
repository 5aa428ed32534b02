import type { DeliveryStatus } from '../../domain/messaging/delivery-status.ts';
import type { ConversationId, LeadId, MessageId, UnitId, UserId, VisitId } from '../../domain/shared/ids.ts';
import type { AppointmentId } from '../../domain/visit/appointment.ts';
import type { ReminderFailure } from '../../domain/visit/appointment-reminder.ts';
import type { AppointmentStatus } from '../../domain/visit/appointment-status.ts';
import type { ReservationId } from '../../domain/visit/reservation.ts';
import type { Actor } from './actor.ts';

/** What happened to an appointment: booked, moved, its status set (cancelled included), or its reminder queued. */
export type AppointmentChange = 'scheduled' | 'rescheduled' | 'status_changed' | 'reminder_queued';

/** What the CRM hears about live (new messages, statuses, assignments, visits, deactivated users). */
export type DeskEvent =
  | {
      readonly type: 'message_received';
      readonly conversationId: ConversationId;
      readonly leadId: LeadId | null;
      readonly messageId: MessageId;
    }
  | {
      readonly type: 'message_queued';
      readonly conversationId: ConversationId;
      readonly leadId: LeadId | null;
      readonly messageId: MessageId;
    }
  | {
      readonly type: 'message_status_changed';
      readonly conversationId: ConversationId;
      readonly leadId: LeadId | null;
      readonly messageId: MessageId;
      readonly status: DeliveryStatus;
    }
  | { readonly type: 'lead_registered'; readonly leadId: LeadId; readonly advisorId: UserId | null }
  | { readonly type: 'lead_assigned'; readonly leadId: LeadId; readonly advisorId: UserId }
  | { readonly type: 'visit_changed'; readonly leadId: LeadId; readonly visitId: VisitId }
  /** The lead asked the bot something a person must answer: a note on the visit (see `LeadNote`). */
  | { readonly type: 'lead_note_added'; readonly leadId: LeadId; readonly visitId: VisitId | null }
  /** An advisor took the conversation from the bot (`to: 'advisor'`) or handed it back (`to: 'bot'`). */
  | {
      readonly type: 'conversation_handed';
      readonly leadId: LeadId;
      readonly conversationId: ConversationId;
      readonly to: 'advisor' | 'bot';
    }
  | {
      readonly type: 'appointment_changed';
      readonly leadId: LeadId;
      readonly visitId: VisitId;
      readonly appointmentId: AppointmentId;
      /** The advisor whose agenda holds it: they hear of it even when the lead is another advisor's. */
      readonly advisorId: UserId;
      readonly status: AppointmentStatus;
      readonly change: AppointmentChange;
    }
  /** A reminder came due and could not be sent: the advisor should write to the lead themself. */
  | {
      readonly type: 'appointment_reminder_not_sent';
      readonly leadId: LeadId;
      readonly visitId: VisitId;
      readonly appointmentId: AppointmentId;
      readonly advisorId: UserId;
      readonly reason: ReminderFailure;
    }
  /** A separation ran out before the promesa was signed: its unit is available again (the lead's advisor hears it). */
  | {
      readonly type: 'reservation_expired';
      readonly leadId: LeadId;
      readonly visitId: VisitId;
      readonly reservationId: ReservationId;
      readonly unitId: UnitId;
    }
  /** The user may no longer use the API: their open event streams are closed. */
  | { readonly type: 'user_deactivated'; readonly userId: UserId };

export interface EventPublisher {
  /** Hands events to live subscribers after the change is stored; never throws. */
  publish(events: readonly DeskEvent[]): void;
}

/** Whether this event ends the caller's event stream: they were deactivated. */
export const endsStreamOf = (event: DeskEvent, actor: Actor): boolean =>
  event.type === 'user_deactivated' && actor.kind === 'user' && actor.userId === event.userId;
