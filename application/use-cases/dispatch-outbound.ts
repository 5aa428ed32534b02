import { defaultRetryPolicy, retryDelay, type RetryPolicy } from '../../domain/messaging/retry.ts';
import { type AttemptOutcome, afterAttempt } from '../../domain/messaging/lifecycle.ts';
import type { OutboundMessage } from '../../domain/messaging/message.ts';
import type { Clock } from '../ports/clock.ts';
import type { EventPublisher } from '../ports/events.ts';
import type { MessageGateway, SendFailure } from '../ports/message-gateway.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import { isReachable } from '../../domain/lead/lead.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import { DrainGuard } from './drain-guard.ts';

export type DispatchReport = { readonly sent: number; readonly failed: number; readonly deferred: number };

export type DispatchOptions = {
  readonly policy?: RetryPolicy;
  /** A fraction in [0, 1) for back-off jitter; fixed in tests. */
  readonly jitter?: () => number;
  readonly batchSize?: number;
  /** Sends in flight at once (each to a different conversation); 16 by default. */
  readonly concurrency?: number;
  /** How long a claimed message is ours before another sender may take it (a send that hangs longer is retried). */
  readonly leaseMs?: number;
  /** Waits between tries to reach the database during an outage; a timer by default. */
  readonly sleep?: (ms: number) => Promise<void>;
};

const DEFAULT_LEASE_MS = 60_000;
/** How long before its lease ends a sender stops retrying the database, so no other sender can have taken the message. */
const LEASE_MARGIN_MS = 10_000;
const STORE_RETRY_MS = { first: 250, max: 4_000 } as const;

const eachConcurrently = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

type Route = { readonly conversation: Conversation; readonly line: BusinessLine };
/** A claimed message and where it goes; `null` when its conversation or line was deleted meanwhile. */
type Routed = { readonly message: OutboundMessage; readonly target: Route | null };

const routesOf = async (repos: Repositories, claimed: readonly OutboundMessage[]): Promise<Routed[]> => {
  const routed: Routed[] = [];
  for (const message of claimed) {
    const conversation = await repos.conversations.byId(message.conversationId);
    // Lines are served from the configuration cache where the store has one: no need to remember them here.
    const line = conversation === null ? null : await repos.lines.byId(conversation.lineId);
    routed.push({ message, target: conversation === null || line === null ? null : { conversation, line } });
  }
  return routed;
};

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
      const leaseUntil = now + (this.options.leaseMs ?? DEFAULT_LEASE_MS);
      // Where each message goes is read in the claim's transaction: one round of queries per batch, not per message.
      const due = await this.uow.transaction(async (repos) => {
        const claimed = await repos.messages.claimDueOutbound(now, this.options.batchSize ?? 100, leaseUntil);
        return routesOf(repos, claimed);
      });
      // A batch holds at most one message per conversation (its oldest queued), so sending the batch
      // concurrently keeps every conversation in order.
      await eachConcurrently(due, this.options.concurrency ?? 16, async (routed) => {
        total[await this.dispatch(routed, leaseUntil)] += 1;
      });
      if (due.length === 0 && !poked()) return total;
    }
  }

  private async dispatch({ message, target }: Routed, leaseUntil: number): Promise<keyof DispatchReport> {
    const result =
      target === null
        ? {
            ok: false as const,
            error: {
              type: 'SendFailed',
              retryable: false,
              code: 'no_route',
              title: 'Conversation or line no longer exists',
            } satisfies SendFailure,
          }
        : !isReachable(target.conversation.contact)
          ? {
              ok: false as const,
              error: {
                type: 'SendFailed',
                retryable: false,
                code: 'no_address',
                title: 'The number now belongs to another WhatsApp user',
              } satisfies SendFailure,
            }
          : await this.gateway.send({ line: target.line, to: target.conversation.contact, content: message.content });
    const now = this.clock.now();
    const attempts = message.attempts + 1;
    const policy = this.options.policy ?? defaultRetryPolicy;
    const outcome: AttemptOutcome = result.ok
      ? { kind: 'sent', waMessageId: result.value.waMessageId }
      : result.error.retryable && attempts < policy.maxAttempts
        ? {
            kind: 'retry',
            nextAttemptAt:
              now + retryDelay(policy, attempts, this.options.jitter?.() ?? 0.5, result.error.retryAfterMs),
          }
        : { kind: 'failed', failure: { code: result.error.code, title: result.error.title } };
    const updated = afterAttempt(message, outcome, now);
    await this.whileLeased(leaseUntil, () => this.uow.single((repos) => repos.messages.saveOutbound(updated)));
    if (updated.status !== message.status)
      this.events.publish([
        {
          type: 'message_status_changed',
          conversationId: message.conversationId,
          leadId: message.leadId,
          messageId: message.id,
          status: updated.status,
        },
      ]);
    return updated.status === 'sent' ? 'sent' : updated.status === 'failed' ? 'failed' : 'deferred';
  }

  /**
   * Runs `work`, trying again while the database is unreachable, for as long as the claim is surely ours.
   * Without this, a restart of the database between the send and its record leaves the message claimed
   * (nothing goes out for that conversation until the lease ends) and then sends it a second time.
   */
  private async whileLeased<T>(leaseUntil: number, work: () => Promise<T>): Promise<T> {
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const patience = (this.options.leaseMs ?? DEFAULT_LEASE_MS) - LEASE_MARGIN_MS;
    for (
      let wait: number = STORE_RETRY_MS.first, slept = 0;
      ;
      slept += wait, wait = Math.min(STORE_RETRY_MS.max, wait * 2)
    ) {
      try {
        return await work();
      } catch (error) {
        if (this.clock.now() + wait > leaseUntil - LEASE_MARGIN_MS || slept + wait > patience) throw error;
        await sleep(wait);
      }
    }
  }
}
