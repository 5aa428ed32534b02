import type { Catalog } from '../../domain/catalog/catalog.ts';
import { aProject } from './project-builder.ts';
import { aUnit } from './unit-builder.ts';
import { aUnitType } from './unit-type-builder.ts';

/** A project with two unit types (`<id>-t1`, `<id>-t2`), each with one available unit (`<id>-t1-u1`, `<id>-t2-u1`). */
export const aQuotableCatalog = (projectId = 'p-bog-1'): Catalog => {
  const types = [`${projectId}-t1`, `${projectId}-t2`];
  return {
    projects: [aProject().withId(projectId).build()],
    unitTypes: types.map((type) => aUnitType().withId(type).ofProject(projectId).build()),
    units: types.map((type) => aUnit().withId(`${type}-u1`).of(projectId, type).build()),
    priceBuckets: [],
  };
};
