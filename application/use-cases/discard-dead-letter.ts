import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { DeadLetter } from '../ports/dead-letter-repository.ts';
import type { Clock } from '../ports/clock.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import type { DeadLetterNotFound } from './get-dead-letter.ts';

/** Gives up on a dead letter for good; it is kept, marked, for audit. Discarding twice keeps the first time. */
export class DiscardDeadLetter {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(id: number): Promise<Result<DeadLetter, DeadLetterNotFound>> {
    const discarded = await this.uow.single((repos) => repos.deadLetters.discard(id, this.clock.now()));
    return discarded === null ? err({ type: 'DeadLetterNotFound', id }) : ok(discarded);
  }
}
