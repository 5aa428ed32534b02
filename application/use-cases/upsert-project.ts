import { checkProjectEntry, type InvalidProject, type ProjectEntry } from '../../domain/catalog/project-entry.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/**
 * Creates or replaces a project with its payment plan, unit types and units, as the CRM syncs its catalogue.
 * Unit types and units the entry no longer lists are kept (the catalogue port upserts by id).
 */
export class UpsertProject {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(entry: ProjectEntry): Promise<Result<ProjectEntry, InvalidProject>> {
    const checked = checkProjectEntry(entry);
    if (!checked.ok) return checked;
    return this.uow.transaction(async (repos) => {
      const catalog = await repos.catalog.all();
      const foreign =
        catalog.unitTypes.find((t) => t.projectId !== entry.project.id && entry.unitTypes.some((e) => e.id === t.id))?.id ??
        catalog.units.find((u) => u.projectId !== entry.project.id && entry.units.some((e) => e.id === u.id))?.id;
      if (foreign !== undefined) return err({ type: 'InvalidProject' as const, reason: `${foreign} already belongs to another project` });
      await repos.catalog.upsert({ projects: [entry.project], unitTypes: entry.unitTypes, units: entry.units, priceBuckets: [] });
      return ok(entry);
    });
  }
}
