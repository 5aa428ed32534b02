import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../bootstrap/demo/demo-catalog.ts';
import { checkProjectEntry } from '../../domain/catalog/project-entry.ts';
import { isSoldOut, referenceUnit } from '../../domain/catalog/search.ts';
import { simulateQuote } from '../../domain/quote/quote.ts';
import { asId, type QuoteId } from '../../domain/shared/ids.ts';
import { T0 } from '../support/t0.ts';

const YEAR_MS = 365 * 24 * 3_600_000;

/** Every demo unit type's reference unit quoted at `issuedAt` (a sold-out type has none: it is not quoted). */
const quotesAt = (issuedAt: number) =>
  demoCatalog.unitTypes.flatMap((unitType) => {
    const project = demoCatalog.projects.find((p) => p.id === unitType.projectId);
    const unit = referenceUnit(demoCatalog, unitType.id);
    if (unit === null) return [];
    if (project === undefined) throw new Error(`no project for ${unitType.id}`);
    return [simulateQuote({ id: asId<QuoteId>('q'), number: 'COT-000001', issuedAt, project, unitType, unit })];
  });

const projectOf = (id: string) => demoCatalog.projects.find((p) => p.id === id);

describe('the demo catalogue', () => {
  it('delivers every project between 2027 and 2029', () => {
    for (const { paymentPlan } of demoCatalog.projects)
      expect(paymentPlan.deliveryDate).toMatch(/^202[789]-\d\d-\d\d$/);
  });

  it('quotes every unit type on the test clock and a few months on, with dated instalments', () => {
    for (const issuedAt of [T0, T0 + YEAR_MS / 4])
      for (const result of quotesAt(issuedAt)) {
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value.downPaymentCutOff).not.toBeNull();
      }
  });

  it('has one project that takes part of the down payment in June and December', () => {
    const withExtras = demoCatalog.projects.filter((p) => p.paymentPlan.extraordinaryInstalments);
    expect(withExtras.map((p) => [p.id, p.paymentPlan.extraordinaryInstalments?.months])).toEqual([
      ['p-bog-2', [6, 12]],
    ]);
    const quoted = quotesAt(T0).filter((r) => r.ok && r.value.projectId === 'p-bog-2');
    for (const r of quoted)
      expect(r.ok && r.value.schedule.filter((e) => e.kind === 'extraordinary').map((e) => e.dueDate)).toEqual([
        '2026-12-24',
        '2027-06-24',
        '2027-12-24',
        '2028-06-24',
        '2028-12-24',
      ]);
  });

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
        issuedAt: T0,
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
