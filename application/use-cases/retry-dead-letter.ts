import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import type { WorkSignal } from '../ports/work-signal.ts';
import type { DeadLetterNotFound } from './get-dead-letter.ts';

export type RetryDeadLetterError = DeadLetterNotFound | { readonly type: 'DeadLetterDiscarded'; readonly id: number };

export type Requeued = { readonly deadLetterId: number; readonly inboxId: number; readonly dueAt: Instant };

/**
 * Puts a dead letter back into the inbox, due now, its tries counted from zero (e.g. once the bug behind it is
 * fixed). It is queued like a message that has just arrived: after every entry already waiting, its sender's
 * included, so it never jumps ahead of what the sender wrote since; its effects land after theirs. Once
 * committed it announces inbox work, so the message pipelines take it at once.
 */
export class RetryDeadLetter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly signal: WorkSignal,
  ) {}

  async execute(id: number): Promise<Result<Requeued, RetryDeadLetterError>> {
    const now = this.clock.now();
    const requeued = await this.uow.transaction(async (repos): Promise<Result<Requeued, RetryDeadLetterError>> => {
      const found = await repos.deadLetters.byId(id);
      if (found === null) return err({ type: 'DeadLetterNotFound', id });
      if (found.discardedAt !== null) return err({ type: 'DeadLetterDiscarded', id });
      const inboxId = await repos.deadLetters.requeue(id, now);
      // Retried or discarded by another admin meanwhile.
      return inboxId === null ? err({ type: 'DeadLetterNotFound', id }) : ok({ deadLetterId: id, inboxId, dueAt: now });
    });
    if (requeued.ok) this.signal.announce('inbox');
    return requeued;
  }
}
