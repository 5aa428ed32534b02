import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { DeadLetterPosition, DeadLetterStatus, DeadLetterSummary } from '../ports/dead-letter-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import type { InvalidCursor } from './list-leads.ts';

export type ListDeadLettersInput = {
  readonly status: DeadLetterStatus;
  /** From a previous page's `nextCursor`. */
  readonly cursor?: string;
  readonly limit: number;
};

export type DeadLetterPage = { readonly items: readonly DeadLetterSummary[]; readonly nextCursor: string | null };

const cursorOf = (d: DeadLetterSummary): string => `${d.deadLetteredAt}_${d.id}`;

const positionOf = (cursor: string): DeadLetterPosition | null => {
  const match = /^(\d{1,15})_(\d{1,15})$/.exec(cursor);
  return match?.[1] === undefined || match[2] === undefined
    ? null
    : { deadLetteredAt: Number(match[1]), id: Number(match[2]) };
};

/** The inbox entries set aside after failing too often, newest first, a page at a time (admins). */
export class ListDeadLetters {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ListDeadLettersInput): Promise<Result<DeadLetterPage, InvalidCursor>> {
    const after = input.cursor === undefined ? null : positionOf(input.cursor);
    if (input.cursor !== undefined && after === null) return err({ type: 'InvalidCursor', cursor: input.cursor });
    // One more than asked says whether another page follows.
    const found = await this.uow.single((repos) =>
      repos.deadLetters.list({ status: input.status, after, limit: input.limit + 1 }),
    );
    const items = found.slice(0, input.limit);
    const last = items.at(-1);
    return ok({ items, nextCursor: found.length > input.limit && last !== undefined ? cursorOf(last) : null });
  }
}
