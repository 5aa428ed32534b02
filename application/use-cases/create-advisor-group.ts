import type { AdvisorGroup } from '../../domain/organisation/organisation.ts';
import type { UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { distinctMembers, ineligibleMember, type NotAnActiveAdvisor } from './advisor-group-members.ts';

export type CreateAdvisorGroupInput = { readonly name: string; readonly advisorIds: readonly UserId[] };

/** Adds a group of advisors; every member must be an active advisor. */
export class CreateAdvisorGroup {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: CreateAdvisorGroupInput): Promise<Result<AdvisorGroup, NotAnActiveAdvisor>> {
    return this.uow.transaction(async (repos) => {
      const advisorIds = distinctMembers(input.advisorIds);
      const refused = await ineligibleMember(repos, advisorIds);
      if (refused !== null) return err(refused);
      const group: AdvisorGroup = { id: this.ids.next('group'), name: input.name.trim(), advisorIds };
      await repos.organisation.saveGroup(group);
      return ok(group);
    });
  }
}
