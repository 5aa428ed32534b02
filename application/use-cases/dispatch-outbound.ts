import { defaultRetryPolicy, retryDelay, type RetryPolicy } from '../../domain/messaging/retry.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import type { Clock } from '../ports/clock.ts';
import type { EventPublisher } from '../ports/events.ts';
import type { MessageGateway, SendFailure } from '../ports/message-gateway.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { DrainGuard } from './drain-guard.ts';

export type DispatchReport = { readonly sent: number; readonly failed: number; readonly deferred: number };

export type DispatchOptions = {
  readonly policy?: RetryPolicy;
  /** A fraction in [0, 1) for back-off jitter; fixed in tests. */
  readonly jitter?: () => number;
  readonly batchSize?: number;
  /** How long a claimed message is ours before another sender may take it (a send that hangs longer is retried). */
  readonly leaseMs?: number;
};

const DEFAULT_LEASE_MS = 60_000;

/**
 * Drains the outbox through WhatsApp: records Meta's id on success, backs off on retryable failures,
 * marks permanent ones failed with their reason. Runs one drain at a time per process.
 */
export class DispatchOutbound {
  private readonly guard = new DrainGuard<DispatchReport>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly gateway: MessageGateway,
    private readonly events: EventPublisher,
    private readonly options: DispatchOptions = {},
  ) {}

  /** Sends everything due; a call during a drain makes that drain look again before it ends. */
  execute(): Promise<DispatchReport> {
    return this.guard.run((poked) => this.drain(poked));
  }

  private async drain(poked: () => boolean): Promise<DispatchReport> {
    const total = { sent: 0, failed: 0, deferred: 0 };
    for (;;) {
      const now = this.clock.now();
      const due = await this.uow.transaction((repos) =>
        repos.messages.claimDueOutbound(now, this.options.batchSize ?? 100, now + (this.options.leaseMs ?? DEFAULT_LEASE_MS)),
      );
      for (const message of due) total[await this.dispatch(message)] += 1;
      if (due.length === 0 && !poked()) return total;
    }
  }

  private async dispatch(message: OutboundMessage): Promise<keyof DispatchReport> {
    const target = await this.uow.transaction(async (repos) => {
      const conversation = await repos.conversations.byId(message.conversationId);
      const line = conversation === null ? null : await repos.lines.byId(conversation.lineId);
      return conversation === null || line === null ? null : { conversation, line };
    });
    const result =
      target === null
        ? { ok: false as const, error: { type: 'SendFailed', retryable: false, code: 'no_route', title: 'Conversation or line no longer exists' } satisfies SendFailure }
        : await this.gateway.send({ line: target.line, to: target.conversation.contact, content: message.content });
    const now = this.clock.now();
    const attempts = message.attempts + 1;
    const policy = this.options.policy ?? defaultRetryPolicy;
    const updated: OutboundMessage = result.ok
      ? { ...message, status: 'sent', statusAt: now, waMessageId: result.value.waMessageId, attempts }
      : result.error.retryable && attempts < policy.maxAttempts
        ? { ...message, attempts, nextAttemptAt: now + retryDelay(policy, attempts, this.options.jitter?.() ?? 0.5, result.error.retryAfterMs) }
        : { ...message, attempts, status: 'failed', statusAt: now, failure: { code: result.error.code, title: result.error.title } };
    await this.uow.transaction((repos) => repos.messages.saveOutbound(updated));
    if (updated.status !== message.status)
      this.events.publish([{ type: 'message_status_changed', conversationId: message.conversationId, leadId: message.leadId, messageId: message.id, status: updated.status }]);
    return updated.status === 'sent' ? 'sent' : updated.status === 'failed' ? 'failed' : 'deferred';
  }
}
