import { nextStatus } from '../../domain/messaging/delivery-status.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { EventPublisher } from '../ports/events.ts';
import type { StatusEnvelope } from '../ports/inbound.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type UnknownMessage = { readonly type: 'UnknownMessage'; readonly waMessageId: WaMessageId };

/**
 * A delivery receipt from WhatsApp. Receipts come late, twice or out of order: the status only moves
 * forward, and a failure keeps its reason.
 */
export class RecordDeliveryStatus {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly events: EventPublisher,
  ) {}

  async execute(envelope: StatusEnvelope): Promise<Result<OutboundMessage, UnknownMessage>> {
    const outcome = await this.uow.transaction(async (repos) => {
      const message = await repos.messages.byWaMessageId(envelope.waMessageId);
      if (message === null || message.direction !== 'outbound') return null;
      const status = nextStatus(message.status, envelope.status);
      if (status === message.status) return { message, changed: false };
      const updated: OutboundMessage = {
        ...message,
        status,
        statusAt: envelope.at,
        // A later delivered/read receipt proves the failure report wrong: keep no stale reason.
        failure: status === 'failed' ? (envelope.failure ?? { code: 'unknown', title: 'Failed without a reason' }) : null,
      };
      await repos.messages.saveOutbound(updated);
      return { message: updated, changed: true };
    });
    if (outcome === null) return err({ type: 'UnknownMessage', waMessageId: envelope.waMessageId });
    const { message, changed } = outcome;
    if (changed)
      this.events.publish([
        { type: 'message_status_changed', conversationId: message.conversationId, leadId: message.leadId, messageId: message.id, status: message.status },
      ]);
    return ok(message);
  }
}
