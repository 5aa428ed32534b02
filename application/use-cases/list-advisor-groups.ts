import type { AdvisorGroup } from '../../domain/organisation/organisation.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** Every advisor group, by name then id, whether or not a line points at it yet. */
export class ListAdvisorGroups {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<AdvisorGroup[]> {
    return this.uow.transaction((repos) => repos.organisation.groups());
  }
}
