import type { ExtraKind, Project } from '../catalog/catalog.ts';
import type { Money } from '../shared/money.ts';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * An extra as the quote lists it. An `included` one is part of the unit price: it prints "sin costo adicional" and adds nothing
 * to the total (its catalogue price is kept for reference); an optional one adds `price`. `extraId` is null on quotes
 * issued before extras were catalogued.
 */
export type PricedExtra = {
  readonly extraId: string | null;
  readonly kind: ExtraKind;
  readonly label: string;
  readonly price: Money;
  readonly included: boolean;
};

export const SAVING_KINDS = ['cesantias', 'subsidy', 'other'] as const;
export type SavingKind = (typeof SAVING_KINDS)[number];

/** Money the buyer brings to the down payment: severance savings, a housing subsidy, anything else. */
export type AppliedSaving = { readonly kind: SavingKind; readonly label: string; readonly amount: Money };

/** A saving as asked for: the label defaults to the kind's Spanish name. */
export type SavingInput = { readonly kind: SavingKind; readonly amount: Money; readonly label?: string };

export const DEFAULT_SAVING_LABELS: Readonly<Record<SavingKind, string>> = {
  cesantias: 'Cesantías',
  subsidy: 'Subsidio de vivienda (caja de compensación)',
  other: 'Ahorro propio',
};

export type UnknownExtra = { readonly type: 'UnknownExtra'; readonly extraId: string };

/**
 * The extras a quote lists: every included extra of the project first (in catalogue order), then the optional ones
 * chosen, in catalogue order too. Choosing an included extra, or one twice, changes nothing; an id the project does
 * not catalogue is refused.
 */
export const chosenExtras = (
  project: Pick<Project, 'extras'>,
  extraIds: readonly string[],
): Result<PricedExtra[], UnknownExtra> => {
  const unknown = extraIds.find((id) => !project.extras.some((e) => e.id === id));
  if (unknown !== undefined) return err({ type: 'UnknownExtra', extraId: unknown });
  const chosen = new Set(extraIds);
  const listed = [
    ...project.extras.filter((e) => e.included),
    ...project.extras.filter((e) => !e.included && chosen.has(e.id)),
  ];
  return ok(listed.map((e) => ({ extraId: e.id, kind: e.kind, label: e.label, price: e.price, included: e.included })));
};

export const appliedSavings = (savings: readonly SavingInput[]): AppliedSaving[] =>
  savings.map((s) => ({
    kind: s.kind,
    label: s.label === undefined || s.label.trim() === '' ? DEFAULT_SAVING_LABELS[s.kind] : s.label.trim(),
    amount: s.amount,
  }));

/** What the extras add to the unit price: only the optional ones. */
export const extrasCharged = (extras: readonly PricedExtra[]): readonly PricedExtra[] =>
  extras.filter((e) => !e.included);
