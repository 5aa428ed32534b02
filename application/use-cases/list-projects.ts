import type { Catalog } from '../../domain/catalog/catalog.ts';
import type { ProjectEntry } from '../../domain/catalog/project-entry.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** Every project with its payment plan, unit types and units. */
export class ListProjects {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<ProjectEntry[]> {
    const catalog = await this.uow.transaction((repos) => repos.catalog.all());
    return catalog.projects.map((project) => entryOf(catalog, project.id));
  }
}

export const entryOf = (catalog: Catalog, projectId: string): ProjectEntry => ({
  project: catalog.projects.find((p) => p.id === projectId)!,
  unitTypes: catalog.unitTypes.filter((t) => t.projectId === projectId),
  units: catalog.units.filter((u) => u.projectId === projectId),
});
