import type { WaIdentity } from '../../domain/lead/lead.ts';
import type { AdReferral } from '../../domain/lead/origin.ts';
import type { InboundContent } from '../../domain/messaging/message.ts';
import type { DeliveryStatus, SendFailureReason } from '../../domain/messaging/delivery-status.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';

/** One message a WhatsApp user sent to one of our lines, as any channel adapter reports it. */
export type InboundEnvelope = {
  /** Meta's phone-number id of the receiving line. */
  readonly phoneNumberId: string;
  readonly waMessageId: WaMessageId;
  readonly from: WaIdentity;
  readonly profileName: string | null;
  readonly sentAt: Instant;
  readonly content: InboundContent;
  /** The ad or post the user tapped to write this message (Click to WhatsApp); absent or `null`: none. */
  readonly referral?: AdReferral | null;
  /** Meta's id of the message this one replies to (WhatsApp's quoted reply, `context.id`); absent: none. */
  readonly replyTo?: WaMessageId;
};

/** A delivery status WhatsApp reported for a message we sent. */
export type StatusEnvelope = {
  readonly waMessageId: WaMessageId;
  readonly status: Exclude<DeliveryStatus, 'queued'>;
  readonly at: Instant;
  readonly failure: SendFailureReason | null;
};

/** Meta changed a template's review status (`message_template_status_update`). */
export type TemplateStatusUpdate = {
  readonly name: string;
  readonly language: string;
  /** Meta's event: APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION, … */
  readonly event: string;
  readonly reason: string | null;
};
