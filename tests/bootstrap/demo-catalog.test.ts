import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../bootstrap/demo/demo-catalog.ts';
import { checkProjectEntry } from '../../domain/catalog/project-entry.ts';
import { isSoldOut } from '../../domain/catalog/search.ts';
import { simulateQuote } from '../../domain/quote/quote.ts';
import type { QuoteId } from '../../domain/shared/ids.ts';

const projectOf = (id: string) => demoCatalog.projects.find((p) => p.id === id);

describe('the demo catalogue', () => {
  it('is valid as the CRM would sync it, project by project', () => {
    for (const project of demoCatalog.projects) {
      const entry = {
        project,
        unitTypes: demoCatalog.unitTypes.filter((t) => t.projectId === project.id),
        units: demoCatalog.units.filter((u) => u.projectId === project.id),
      };
      expect(checkProjectEntry(entry)).toMatchObject({ ok: true });
    }
  });

  it('quotes every available unit, with every optional extra: the VIS one stays under its cap', () => {
    for (const unit of demoCatalog.units.filter((u) => u.status === 'available')) {
      const project = projectOf(unit.projectId);
      const unitType = demoCatalog.unitTypes.find((t) => t.id === unit.unitTypeId);
      if (project === undefined || unitType === undefined) throw new Error(unit.id);
      const extraIds = project.extras.filter((e) => !e.included).map((e) => e.id);
      const quoted = simulateQuote({
        id: 'q' as QuoteId,
        number: 'COT-000001',
        issuedAt: 0,
        project,
        unitType,
        unit,
        extraIds,
      });
      expect(quoted, unit.id).toMatchObject({ ok: true });
    }
  });

  it('places Llanogrande in Rionegro and Villa Campestre in Puerto Colombia', () => {
    expect(projectOf('p-med-2')).toMatchObject({ name: 'Casas de Llanogrande', city: 'Rionegro' });
    expect(projectOf('p-baq-2')).toMatchObject({ name: 'Villa Campestre', city: 'Puerto Colombia' });
  });

  it('has a VIS project, commercial financing for the offices, parking and storage, and a sold-out unit type', () => {
    expect(projectOf('p-bog-4')).toMatchObject({ name: 'Bosques de Suba', housingRegime: 'vis' });
    expect(projectOf('p-bog-3')?.financing).toMatchObject({ office: 'commercial_credit' });
    const withExtras = demoCatalog.projects.filter((p) => p.extras.length > 0);
    expect(withExtras.length).toBeGreaterThanOrEqual(4);
    expect(withExtras.some((p) => p.extras.some((e) => e.included))).toBe(true);
    expect(withExtras.some((p) => p.extras.some((e) => !e.included))).toBe(true);
    expect(demoCatalog.unitTypes.filter((t) => isSoldOut(demoCatalog, t.id)).map((t) => t.id)).toEqual(['p-bog-2-t2']);
  });
});
