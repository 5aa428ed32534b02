import type { HousingRegime } from '../catalog/catalog.ts';
import { formatMoney } from '../shared/money.ts';
import type { Quote } from './quote.ts';
import { fillLabel, type QuoteLabels } from './quote-labels.ts';
import { type AppliedSaving, DEFAULT_SAVING_LABELS } from './quote-options.ts';

/** One printed figure. `detail` rows belong to the row above (an extra, a saving, a second run). */
export type QuoteFigureRow = { readonly label: string; readonly value: string; readonly detail: boolean };

const REGIME_LABEL = {
  vis: 'regimeVis',
  vip: 'regimeVip',
  no_vis: 'regimeNoVis',
} as const satisfies Record<HousingRegime, keyof QuoteLabels>;

/** The heading of the credit block per the quote's financing; null when there is no estimate. */
export const creditHeading = (q: Quote, l: QuoteLabels): string | null => {
  if (q.mortgage === null) return null;
  if (q.financing === 'housing_leasing') return l.leasingHeading;
  return q.financing === 'commercial_credit' ? l.commercialCreditHeading : l.mortgageHeading;
};

const KIND_LABEL = {
  cesantias: 'savingKindCesantias',
  subsidy: 'savingKindSubsidy',
  other: 'savingKindOther',
} as const satisfies Record<AppliedSaving['kind'], keyof QuoteLabels>;

/** A saving's label, with its kind when the label does not already say it. */
export const savingLabel = (s: AppliedSaving, l: QuoteLabels): string =>
  s.label === DEFAULT_SAVING_LABELS[s.kind] || s.kind === 'other'
    ? s.label
    : fillLabel(l.savingWithKind, { label: s.label, kind: l[KIND_LABEL[s.kind]] });

/**
 * The regime lines under the unit: the housing regime with its legal cap (VIS/VIP), the price regime, and for
 * VIS/VIP a hint that a subsidy can go into the down payment. Empty on quotes issued before regimes were stated.
 */
export const regimeRows = (q: Quote, l: QuoteLabels): QuoteFigureRow[] => {
  if (q.priceRegime === null) return [];
  const cap = q.priceRegime.cap;
  const regime = q.housingRegime === null ? null : l[REGIME_LABEL[q.housingRegime]];
  const capText =
    cap === null
      ? ''
      : `, ${fillLabel(l.housingCap, { count: cap.smmlvCount, cap: formatMoney(cap.cap), year: cap.smmlvYear })}`;
  return [
    ...(regime === null ? [] : [{ label: l.housingRegime, value: `${regime}${capText}`, detail: false }]),
    { label: l.priceRegime, value: l.priceFixedInPesos, detail: false },
    // The hint only while no subsidy is applied or promised: then the figures already say it.
    ...(cap === null || q.savingsToConfirm || q.savings.some((s) => s.kind === 'subsidy')
      ? []
      : [{ label: '', value: l.subsidyHint, detail: true }]),
  ];
};
