import type { Catalog } from '../../domain/catalog/catalog.ts';
import { checkProjectEntry, type InvalidProject, type ProjectEntry } from '../../domain/catalog/project-entry.ts';
import type { UnitId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';

/** A unit the request leaves out that must stay: it is reserved or was quoted. */
export type UnitInUse = { readonly type: 'UnitInUse'; readonly unitId: UnitId; readonly reason: 'reserved' | 'quoted' };

export type UpsertProjectError = InvalidProject | UnitInUse;

/**
 * Creates or replaces a project with its payment plan, unit types and units, as the CRM syncs its catalogue.
 * Unit types and units of the project the entry no longer lists are deleted, unless a unit left out has an
 * active reservation or a quote: then nothing changes (`UnitInUse`), since those records point at it.
 */
export class UpsertProject {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(entry: ProjectEntry): Promise<Result<ProjectEntry, UpsertProjectError>> {
    const checked = checkProjectEntry(entry);
    if (!checked.ok) return checked;
    return this.uow.transaction(async (repos) => {
      const catalog = await repos.catalog.all();
      const foreign =
        catalog.unitTypes.find((t) => t.projectId !== entry.project.id && entry.unitTypes.some((e) => e.id === t.id))
          ?.id ??
        catalog.units.find((u) => u.projectId !== entry.project.id && entry.units.some((e) => e.id === u.id))?.id;
      if (foreign !== undefined)
        return err({ type: 'InvalidProject' as const, reason: `${foreign} already belongs to another project` });
      const dropped = droppedBy(catalog, entry);
      const inUse = await firstInUse(repos, dropped.unitIds);
      if (inUse !== null) return err(inUse);
      await repos.catalog.remove(dropped);
      await repos.catalog.upsert({
        projects: [entry.project],
        unitTypes: entry.unitTypes,
        units: entry.units,
        priceBuckets: [],
      });
      return ok(entry);
    });
  }
}

const droppedBy = (catalog: Catalog, entry: ProjectEntry) => {
  const keptTypes = new Set<string>(entry.unitTypes.map((t) => t.id));
  const keptUnits = new Set<string>(entry.units.map((u) => u.id));
  return {
    unitTypeIds: catalog.unitTypes
      .filter((t) => t.projectId === entry.project.id && !keptTypes.has(t.id))
      .map((t) => t.id),
    unitIds: catalog.units.filter((u) => u.projectId === entry.project.id && !keptUnits.has(u.id)).map((u) => u.id),
  };
};

const firstInUse = async (repos: Repositories, unitIds: readonly UnitId[]): Promise<UnitInUse | null> => {
  for (const unitId of unitIds) {
    if ((await repos.reservations.activeForUnit(unitId)) !== null)
      return { type: 'UnitInUse', unitId, reason: 'reserved' };
    if (await repos.quotes.anyForUnit(unitId)) return { type: 'UnitInUse', unitId, reason: 'quoted' };
  }
  return null;
};
