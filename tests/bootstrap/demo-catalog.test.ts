import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../bootstrap/demo/demo-catalog.ts';
import { referenceUnit } from '../../domain/catalog/search.ts';
import { simulateQuote } from '../../domain/quote/quote.ts';
import { asId, type QuoteId } from '../../domain/shared/ids.ts';
import { T0 } from '../support/t0.ts';

const YEAR_MS = 365 * 24 * 3_600_000;

/** Every demo unit type's reference unit quoted at `issuedAt`. */
const quotesAt = (issuedAt: number) =>
  demoCatalog.unitTypes.map((unitType) => {
    const project = demoCatalog.projects.find((p) => p.id === unitType.projectId);
    const unit = referenceUnit(demoCatalog, unitType.id);
    if (project === undefined || unit === null) throw new Error(`no unit to quote for ${unitType.id}`);
    return simulateQuote({ id: asId<QuoteId>('q'), number: 'COT-000001', issuedAt, project, unitType, unit });
  });

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
});
