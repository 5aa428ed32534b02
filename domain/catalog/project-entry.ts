import { err, ok, type Result } from '../shared/result.ts';
import type { Money } from '../shared/money.ts';
import type { PaymentPlan, Project, Unit, UnitType } from './catalog.ts';
import { datedPlanProblem } from './payment-plan-dates.ts';

/** A project as the CRM syncs it: the project with its payment plan, unit types and units. */
export type ProjectEntry = {
  readonly project: Project;
  readonly unitTypes: readonly UnitType[];
  readonly units: readonly Unit[];
};

export type InvalidProject = { readonly type: 'InvalidProject'; readonly reason: string };

const invalid = (reason: string): Result<never, InvalidProject> => err({ type: 'InvalidProject', reason });

const isCount = (n: number, min: number): boolean => Number.isSafeInteger(n) && n >= min;

const moneyProblem = (what: string, m: Money, currency: Project['currency']): string | null =>
  !isCount(m.amount, 0)
    ? `${what} must be a non-negative integer amount`
    : m.currency !== currency
      ? `${what} must be in ${currency}`
      : null;

const planProblem = (plan: PaymentPlan, currency: Project['currency']): string | null => {
  const fee = moneyProblem('the separation fee', plan.separationFee, currency);
  if (fee !== null) return fee;
  if (!isCount(plan.downPaymentBps, 0) || plan.downPaymentBps > 10_000)
    return 'downPaymentBps must be an integer from 0 to 10000';
  if (!isCount(plan.instalments, 1)) return 'instalments must be an integer of at least 1';
  if (!isCount(plan.quoteValidityDays, 1)) return 'quoteValidityDays must be an integer of at least 1';
  if (plan.mortgage !== null && (!isCount(plan.mortgage.annualRateBps, 0) || !isCount(plan.mortgage.years, 1))) {
    return 'the mortgage needs a non-negative integer annualRateBps and at least 1 year';
  }
  return datedPlanProblem(plan);
};

const detailsProblem = (p: Project): string | null => {
  if (p.estrato !== null && (!Number.isInteger(p.estrato) || p.estrato < 1 || p.estrato > 6))
    return 'estrato must be an integer from 1 to 6';
  if (p.adminFeePerM2 !== null) {
    const fee = moneyProblem('the administration fee', p.adminFeePerM2, p.currency);
    if (fee !== null) return fee;
  }
  const ids = new Set<string>();
  for (const e of p.extras) {
    if (e.id.trim() === '' || ids.has(e.id)) return `extra ${e.id} needs an id of its own`;
    if (e.label.trim() === '') return `extra ${e.id} has no label`;
    const price = moneyProblem(`the price of extra ${e.id}`, e.price, p.currency);
    if (price !== null) return price;
    ids.add(e.id);
  }
  return null;
};

const unitTypeProblem = (entry: ProjectEntry): string | null => {
  const ids = new Set<string>();
  for (const t of entry.unitTypes) {
    if (t.projectId !== entry.project.id) return `unit type ${t.id} belongs to another project`;
    if (ids.has(t.id)) return `unit type ${t.id} is repeated`;
    if (t.name.trim() === '') return `unit type ${t.id} has no name`;
    if (!(t.areaM2 > 0)) return `unit type ${t.id} needs a positive area`;
    if (t.bedrooms !== null && !isCount(t.bedrooms, 0)) return `unit type ${t.id} needs a whole number of bedrooms`;
    ids.add(t.id);
  }
  return null;
};

const unitProblem = (entry: ProjectEntry): string | null => {
  const types = new Set<string>(entry.unitTypes.map((t) => t.id));
  const ids = new Set<string>();
  for (const u of entry.units) {
    if (u.projectId !== entry.project.id) return `unit ${u.id} belongs to another project`;
    if (!types.has(u.unitTypeId))
      return `unit ${u.id} names unit type ${u.unitTypeId}, which is not one of the project's`;
    if (ids.has(u.id)) return `unit ${u.id} is repeated`;
    if (u.code.trim() === '') return `unit ${u.id} has no code`;
    if (!(u.areaM2 > 0)) return `unit ${u.id} needs a positive area`;
    if (u.builtAreaM2 !== null && !(u.builtAreaM2 > 0)) return `unit ${u.id} needs a positive built area`;
    if (u.floor !== null && !Number.isSafeInteger(u.floor)) return `unit ${u.id} needs a whole floor number`;
    const price = moneyProblem(`the price of unit ${u.id}`, u.price, entry.project.currency);
    if (price !== null) return price;
    ids.add(u.id);
  }
  return null;
};

/**
 * Checks a synced project: money as non-negative integers in the project's currency, a sane payment plan, extras
 * with ids of their own, an estrato of 1–6, units of its own unit types.
 */
export const checkProjectEntry = (entry: ProjectEntry): Result<ProjectEntry, InvalidProject> => {
  const { project } = entry;
  if (project.name.trim() === '') return invalid('the project has no name');
  if (project.city.trim() === '') return invalid('the project has no city');
  const problem =
    planProblem(project.paymentPlan, project.currency) ??
    detailsProblem(project) ??
    unitTypeProblem(entry) ??
    unitProblem(entry);
  return problem === null ? ok(entry) : invalid(problem);
};
