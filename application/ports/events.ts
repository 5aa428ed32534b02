import type { DeliveryStatus } from '../../domain/messaging/delivery-status.ts';
import type { ConversationId, LeadId, MessageId, UserId, VisitId } from '../../domain/shared/ids.ts';

/** What the CRM hears about live (new messages, statuses, assignments, visits). */
export type DeskEvent =
  | { readonly type: 'message_received'; readonly conversationId: ConversationId; readonly leadId: LeadId | null; readonly messageId: MessageId }
  | { readonly type: 'message_queued'; readonly conversationId: ConversationId; readonly leadId: LeadId | null; readonly messageId: MessageId }
  | { readonly type: 'message_status_changed'; readonly conversationId: ConversationId; readonly leadId: LeadId | null; readonly messageId: MessageId; readonly status: DeliveryStatus }
  | { readonly type: 'lead_registered'; readonly leadId: LeadId; readonly advisorId: UserId | null }
  | { readonly type: 'lead_assigned'; readonly leadId: LeadId; readonly advisorId: UserId }
  | { readonly type: 'visit_changed'; readonly leadId: LeadId; readonly visitId: VisitId };

export interface EventPublisher {
  /** Hands events to live subscribers after the change is stored; never throws. */
  publish(events: readonly DeskEvent[]): void;
}
