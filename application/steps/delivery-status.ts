import { nextStatus } from '../../domain/messaging/delivery-status.ts';
import { withDeliveryStatus } from '../../domain/messaging/lifecycle.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { StatusEnvelope } from '../ports/inbound.ts';
import type { Transaction } from '../ports/unit-of-work.ts';

export type UnknownMessage = { readonly type: 'UnknownMessage'; readonly waMessageId: WaMessageId };

/**
 * A delivery receipt from WhatsApp, inside the inbox worker's transaction. Receipts come late, twice or out of
 * order: the status only moves forward, and a failure keeps its reason.
 */
export const recordDeliveryStatus = async (
  tx: Transaction,
  envelope: StatusEnvelope,
): Promise<Result<OutboundMessage, UnknownMessage>> => {
  const message = await tx.messages.byWaMessageId(envelope.waMessageId);
  if (message === null || message.direction !== 'outbound')
    return err({ type: 'UnknownMessage', waMessageId: envelope.waMessageId });
  const status = nextStatus(message.status, envelope.status);
  if (status === message.status) return ok(message);
  const updated = withDeliveryStatus(message, status, envelope.at, envelope.failure ?? null);
  await tx.messages.saveOutbound(updated);
  tx.events.record({
    type: 'message_status_changed',
    conversationId: updated.conversationId,
    leadId: updated.leadId,
    messageId: updated.id,
    status: updated.status,
  });
  return ok(updated);
};
