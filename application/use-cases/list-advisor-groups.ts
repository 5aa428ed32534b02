import type { AdvisorGroup } from '../../domain/organisation/organisation.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/**
 * The advisor groups the business lines point at.
 * (The organisation port reads groups by id only; it has no "all groups" query yet.)
 */
export class ListAdvisorGroups {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<AdvisorGroup[]> {
    return this.uow.transaction(async (repos) => {
      const ids = [...new Set([...(await repos.lines.list()).map((l) => l.advisorGroupId)])];
      const groups = await Promise.all(ids.map((id) => repos.organisation.group(id)));
      return groups.filter((g): g is AdvisorGroup => g !== null);
    });
  }
}
