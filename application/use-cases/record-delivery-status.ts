import { nextStatus } from '../../domain/messaging/delivery-status.ts';
import { withDeliveryStatus } from '../../domain/messaging/lifecycle.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import type { WaMessageId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { DeskEvent, EventPublisher } from '../ports/events.ts';
import type { StatusEnvelope } from '../ports/inbound.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import type { Handled } from './handled.ts';

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
    const step = await this.uow.transaction((repos) => this.within(repos, envelope));
    this.events.publish(step.events);
    return step.result;
  }

  /** The same, inside the caller's transaction; the caller publishes the events after commit. */
  async within(
    repos: Repositories,
    envelope: StatusEnvelope,
  ): Promise<Handled<Result<OutboundMessage, UnknownMessage>>> {
    const message = await repos.messages.byWaMessageId(envelope.waMessageId);
    if (message === null || message.direction !== 'outbound')
      return { result: err({ type: 'UnknownMessage', waMessageId: envelope.waMessageId }), events: [] };
    const status = nextStatus(message.status, envelope.status);
    if (status === message.status) return { result: ok(message), events: [] };
    const updated = withDeliveryStatus(message, status, envelope.at, envelope.failure ?? null);
    await repos.messages.saveOutbound(updated);
    const changed: DeskEvent = {
      type: 'message_status_changed',
      conversationId: updated.conversationId,
      leadId: updated.leadId,
      messageId: updated.id,
      status: updated.status,
    };
    return { result: ok(updated), events: [changed] };
  }
}
