import type { DeskEvent } from '../../../application/ports/events.ts';
import type { DeliveryStatus } from '../../../domain/messaging/delivery-status.ts';

/** The version of every `GET /events` payload; a field renamed or dropped is a new version, an added one is not. */
export const DESK_EVENT_PAYLOAD_VERSION = 1;

type Version = { readonly v: typeof DESK_EVENT_PAYLOAD_VERSION };

type MessagePayload<T extends string> = Version & {
  readonly type: T;
  readonly conversationId: string;
  readonly leadId: string | null;
  readonly messageId: string;
};

/** What the CRM reads as `data` of each `GET /events` event, by its `event:` name. */
export type DeskEventPayloads = {
  readonly message_received: MessagePayload<'message_received'>;
  readonly message_queued: MessagePayload<'message_queued'>;
  readonly message_status_changed: MessagePayload<'message_status_changed'> & { readonly status: DeliveryStatus };
  readonly lead_registered: Version & {
    readonly type: 'lead_registered';
    readonly leadId: string;
    readonly advisorId: string | null;
  };
  readonly lead_assigned: Version & {
    readonly type: 'lead_assigned';
    readonly leadId: string;
    readonly advisorId: string;
  };
  readonly lead_note_added: Version & {
    readonly type: 'lead_note_added';
    readonly leadId: string;
    readonly visitId: string | null;
  };
  readonly conversation_handed: Version & {
    readonly type: 'conversation_handed';
    readonly leadId: string;
    readonly conversationId: string;
    readonly to: 'advisor' | 'bot';
  };
  readonly visit_changed: Version & {
    readonly type: 'visit_changed';
    readonly leadId: string;
    readonly visitId: string;
  };
  readonly appointment_changed: Version & {
    readonly type: 'appointment_changed';
    readonly leadId: string;
    readonly visitId: string;
    readonly appointmentId: string;
    readonly advisorId: string;
    readonly status: string;
    readonly change: string;
  };
  readonly appointment_reminder_not_sent: Version & {
    readonly type: 'appointment_reminder_not_sent';
    readonly leadId: string;
    readonly visitId: string;
    readonly appointmentId: string;
    readonly advisorId: string;
    readonly reason: string;
  };
  readonly reservation_expired: Version & {
    readonly type: 'reservation_expired';
    readonly leadId: string;
    readonly visitId: string;
    readonly reservationId: string;
    readonly unitId: string;
  };
  readonly user_deactivated: Version & { readonly type: 'user_deactivated'; readonly userId: string };
};

export type DeskEventType = DeskEvent['type'];
export type DeskEventPayload = DeskEventPayloads[DeskEventType];

type EventOf<T extends DeskEventType> = Extract<DeskEvent, { readonly type: T }>;

const v = DESK_EVENT_PAYLOAD_VERSION;

/**
 * One presenter per event type (a new `DeskEvent` type does not compile until it has one). Each names the
 * fields it publishes, so nothing an event carries inside the application (or from another instance) leaks.
 */
const PRESENTERS: { readonly [T in DeskEventType]: (event: EventOf<T>) => DeskEventPayloads[T] } = {
  message_received: (e) => ({
    v,
    type: e.type,
    conversationId: e.conversationId,
    leadId: e.leadId,
    messageId: e.messageId,
  }),
  message_queued: (e) => ({
    v,
    type: e.type,
    conversationId: e.conversationId,
    leadId: e.leadId,
    messageId: e.messageId,
  }),
  message_status_changed: (e) => ({
    v,
    type: e.type,
    conversationId: e.conversationId,
    leadId: e.leadId,
    messageId: e.messageId,
    status: e.status,
  }),
  lead_registered: (e) => ({ v, type: e.type, leadId: e.leadId, advisorId: e.advisorId }),
  lead_assigned: (e) => ({ v, type: e.type, leadId: e.leadId, advisorId: e.advisorId }),
  visit_changed: (e) => ({ v, type: e.type, leadId: e.leadId, visitId: e.visitId }),
  lead_note_added: (e) => ({ v, type: e.type, leadId: e.leadId, visitId: e.visitId }),
  conversation_handed: (e) => ({ v, type: e.type, leadId: e.leadId, conversationId: e.conversationId, to: e.to }),
  appointment_changed: (e) => ({
    v,
    type: e.type,
    leadId: e.leadId,
    visitId: e.visitId,
    appointmentId: e.appointmentId,
    advisorId: e.advisorId,
    status: e.status,
    change: e.change,
  }),
  appointment_reminder_not_sent: (e) => ({
    v,
    type: e.type,
    leadId: e.leadId,
    visitId: e.visitId,
    appointmentId: e.appointmentId,
    advisorId: e.advisorId,
    reason: e.reason,
  }),
  reservation_expired: (e) => ({
    v,
    type: e.type,
    leadId: e.leadId,
    visitId: e.visitId,
    reservationId: e.reservationId,
    unitId: e.unitId,
  }),
  user_deactivated: (e) => ({ v, type: e.type, userId: e.userId }),
};

// The type and the event passed apart, so that the presenter looked up and the event it gets stay correlated.
const present = <T extends DeskEventType>(type: T, event: EventOf<T>): DeskEventPayloads[T] => PRESENTERS[type](event);

/** The public `data` of one desk event on `GET /events`. */
export const deskEventPayload = (event: DeskEvent): DeskEventPayload => present(event.type, event);
