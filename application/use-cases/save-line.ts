import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { AdvisorGroupId, LineId, ProjectId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type PhoneNumberIdTaken = {
  readonly type: 'PhoneNumberIdTaken';
  readonly phoneNumberId: string;
  readonly lineId: LineId;
};
export type UnknownAdvisorGroup = { readonly type: 'UnknownAdvisorGroup'; readonly groupId: AdvisorGroupId };
export type UnknownProjects = { readonly type: 'UnknownProjects'; readonly projectIds: readonly ProjectId[] };
export type SaveLineError = PhoneNumberIdTaken | UnknownAdvisorGroup | UnknownProjects;

/**
 * Creates or replaces a business line. Meta's phone-number id names one line only; the advisor group and
 * the offered projects must exist (no projects means the whole catalogue).
 */
export class SaveLine {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(line: BusinessLine): Promise<Result<BusinessLine, SaveLineError>> {
    return this.uow.transaction(async (repos) => {
      const holder = await repos.lines.byPhoneNumberId(line.phoneNumberId);
      if (holder !== null && holder.id !== line.id) {
        return err({ type: 'PhoneNumberIdTaken' as const, phoneNumberId: line.phoneNumberId, lineId: holder.id });
      }
      if ((await repos.organisation.group(line.advisorGroupId)) === null) {
        return err({ type: 'UnknownAdvisorGroup' as const, groupId: line.advisorGroupId });
      }
      const known = new Set((await repos.catalog.all()).projects.map((p) => p.id));
      const missing = line.projectIds.filter((id) => !known.has(id));
      if (missing.length > 0) return err({ type: 'UnknownProjects' as const, projectIds: missing });
      const saved: BusinessLine = { ...line, projectIds: [...new Set(line.projectIds)] };
      await repos.lines.save(saved);
      return ok(saved);
    });
  }
}
