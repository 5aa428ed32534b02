import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { DeadLetter } from '../ports/dead-letter-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type DeadLetterNotFound = { readonly type: 'DeadLetterNotFound'; readonly id: number };

/** One dead letter with what WhatsApp sent, for an admin deciding whether to retry or discard it. */
export class GetDeadLetter {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(id: number): Promise<Result<DeadLetter, DeadLetterNotFound>> {
    const found = await this.uow.single((repos) => repos.deadLetters.byId(id));
    return found === null ? err({ type: 'DeadLetterNotFound', id }) : ok(found);
  }
}
