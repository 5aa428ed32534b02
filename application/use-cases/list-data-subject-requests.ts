import type { DataSubjectRequest, DataSubjectRequestId } from '../../domain/lead/erasure.ts';
import { asId, type LeadId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { RequestPosition } from '../ports/personal-data-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import type { InvalidCursor } from './list-leads.ts';

export type ListDataSubjectRequestsInput = {
  readonly leadId?: LeadId;
  /** From a previous page's `nextCursor`. */
  readonly cursor?: string;
  readonly limit: number;
};

export type DataSubjectRequestPage = {
  readonly items: readonly DataSubjectRequest[];
  readonly nextCursor: string | null;
};

const cursorOf = (r: DataSubjectRequest): string => `${r.at}_${r.id}`;

const positionOf = (cursor: string): RequestPosition | null => {
  const match = /^(\d{1,15})_(\S{1,200})$/.exec(cursor);
  return match?.[1] === undefined || match[2] === undefined
    ? null
    : { at: Number(match[1]), id: asId<DataSubjectRequestId>(match[2]) };
};

/** The audit of data subjects' requests (exports and erasures), newest first, a page at a time (admins). */
export class ListDataSubjectRequests {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ListDataSubjectRequestsInput): Promise<Result<DataSubjectRequestPage, InvalidCursor>> {
    const after = input.cursor === undefined ? undefined : positionOf(input.cursor);
    if (input.cursor !== undefined && (after === null || after === undefined))
      return err({ type: 'InvalidCursor', cursor: input.cursor });
    // One more than asked says whether another page follows.
    const found = await this.uow.single((repos) =>
      repos.personalData.requests({
        limit: input.limit + 1,
        ...(input.leadId === undefined ? {} : { leadId: input.leadId }),
        ...(after === undefined || after === null ? {} : { after }),
      }),
    );
    const items = found.slice(0, input.limit);
    const last = items.at(-1);
    return ok({ items, nextCursor: found.length > input.limit && last !== undefined ? cursorOf(last) : null });
  }
}
