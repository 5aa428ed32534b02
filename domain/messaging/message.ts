import type { ConversationId, LeadId, MediaId, MessageId, UserId, VisitId, WaMessageId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';
import type { OutboundContent } from './outbound.ts';
import type { DeliveryStatus, SendFailureReason } from './delivery-status.ts';

export type InboundMediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';

/** What a lead sent, independent of Meta's wire format. */
export type InboundContent =
  | { readonly kind: 'text'; readonly body: string }
  | { readonly kind: 'choice'; readonly id: string; readonly title: string }
  | {
      readonly kind: 'media';
      readonly mediaKind: InboundMediaKind;
      /** Meta's media id, to download the file (valid 7 days). */
      readonly waMediaId: string;
      readonly mimeType: string;
      readonly caption?: string;
      readonly filename?: string;
      readonly voice?: boolean;
      /** Our copy of the file, once downloaded. */
      readonly mediaId?: MediaId;
      /** Why the file could not be copied, when that is final (the id expired or was refused). */
      readonly unavailable?: string;
    }
  | {
      readonly kind: 'location';
      readonly latitude: number;
      readonly longitude: number;
      readonly name?: string;
      readonly address?: string;
    }
  | { readonly kind: 'reaction'; readonly emoji: string; readonly toWaMessageId: string }
  | { readonly kind: 'unsupported'; readonly type: string };

export type MessageAuthor = { readonly kind: 'bot' } | { readonly kind: 'user'; readonly userId: UserId };

type MessageBase = {
  readonly id: MessageId;
  readonly conversationId: ConversationId;
  readonly leadId: LeadId | null;
  readonly visitId: VisitId | null;
  readonly createdAt: Instant;
};

export type InboundMessage = MessageBase & {
  readonly direction: 'inbound';
  readonly waMessageId: WaMessageId;
  readonly content: InboundContent;
  /** When the lead sent it (Meta's timestamp), which may be before we received it. */
  readonly sentAt: Instant;
  /** Meta's id of the message the lead replied to (a quoted reply); absent: none. */
  readonly replyTo?: WaMessageId;
};

export type OutboundMessage = MessageBase & {
  readonly direction: 'outbound';
  readonly waMessageId: WaMessageId | null;
  readonly content: OutboundContent;
  readonly author: MessageAuthor;
  readonly status: DeliveryStatus;
  readonly statusAt: Instant;
  readonly failure: SendFailureReason | null;
  /** Send attempts so far, and when the next may run (retryable failures back off). */
  readonly attempts: number;
  readonly nextAttemptAt: Instant;
};

export type Message = InboundMessage | OutboundMessage;
