import { describe, expect, it } from 'vitest';
import { toProject, toProjectRow, toUnit, toUnitRow } from '../../../adapters/persistence/catalog-rows.ts';
import { noProjectDetails } from '../../../domain/catalog/catalog.ts';
import { aProject } from '../../builders/project-builder.ts';
import { aUnit } from '../../builders/unit-builder.ts';

describe('catalogue rows from before migration 0010', () => {
  it('read a project with no details (SQL NULL) as none, and a unit with no floor or built area', () => {
    const project = aProject().withDetails({ housingRegime: 'vis', estrato: 2 }).build();
    const row = { ...toProjectRow(project), seq: 1, details: null };
    expect(toProject(row)).toEqual({ ...project, ...noProjectDetails });

    const unit = aUnit().onFloor(5, 70).build();
    const unitRow = { ...toUnitRow(unit), seq: 1, builtAreaM2: null, floor: null };
    expect(toUnit(unitRow)).toEqual({ ...unit, floor: null, builtAreaM2: null });
  });
});
