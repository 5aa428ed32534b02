import type { AdvisorGroup } from '../../domain/organisation/organisation.ts';
import type { AdvisorGroupId, UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { distinctMembers, ineligibleMember, type NotAnActiveAdvisor } from './advisor-group-members.ts';

export type AdvisorGroupNotFound = { readonly type: 'AdvisorGroupNotFound'; readonly groupId: AdvisorGroupId };
export type UpdateAdvisorGroupError = AdvisorGroupNotFound | NotAnActiveAdvisor;

export type UpdateAdvisorGroupInput = {
  readonly id: AdvisorGroupId;
  readonly name: string;
  readonly advisorIds: readonly UserId[];
};

/** Renames a group and replaces its members; every member must be an active advisor. */
export class UpdateAdvisorGroup {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: UpdateAdvisorGroupInput): Promise<Result<AdvisorGroup, UpdateAdvisorGroupError>> {
    return this.uow.transaction(async (repos) => {
      if ((await repos.organisation.group(input.id)) === null)
        return err({ type: 'AdvisorGroupNotFound' as const, groupId: input.id });
      const advisorIds = distinctMembers(input.advisorIds);
      const refused = await ineligibleMember(repos, advisorIds);
      if (refused !== null) return err(refused);
      const group: AdvisorGroup = { id: input.id, name: input.name.trim(), advisorIds };
      await repos.organisation.saveGroup(group);
      return ok(group);
    });
  }
}
