import type { HousingRegime } from '../catalog/catalog.ts';
import { type Money, moneyOf } from '../shared/money.ts';

/**
 * What caps a social-housing price. The caps are set in SMMLV (the monthly legal minimum wage) by each national
 * development plan: Ley 1955 de 2019 art. 85 set VIS at 135 SMMLV, up to 150 SMMLV in urban agglomerations of more
 * than a million inhabitants the government names, and VIP at 90 SMMLV; Ley 2294 de 2023 kept 135 / 90 with the
 * same exception. The default cap is 150 because the desks we serve sell in those agglomerations (Bogotá,
 * Medellín, Cali, Barranquilla); a desk elsewhere sets 135 (`VIS_CAP_SMMLV`).
 * SMMLV 2026: $ 1.750.905 (Decreto 1469 de 2025, re-issued unchanged as Decreto 0159 de 2026 after the Consejo de
 * Estado suspended the first one); set `SMMLV_COP` every January.
 */
export type HousingRules = {
  readonly smmlv: Money;
  /** The year `smmlv` is in force, printed beside the cap. */
  readonly smmlvYear: number;
  readonly capSmmlv: Readonly<Record<'vis' | 'vip', number>>;
};

export const defaultHousingRules: HousingRules = {
  smmlv: moneyOf(1_750_905),
  smmlvYear: 2026,
  capSmmlv: { vis: 150, vip: 90 },
};

/** The legal price cap of a VIS or VIP unit, as computed on the quote's day. */
export type HousingPriceCap = {
  readonly regime: 'vis' | 'vip';
  readonly smmlvCount: number;
  readonly smmlv: Money;
  readonly smmlvYear: number;
  readonly cap: Money;
};

/**
 * The price regime a quote states: fixed in Colombian pesos from the separation on, as the SIC's Circular Externa
 * 004 de 2024 asks of everyone who sells housing (the buyer pays only the price informed when they commit, e.g. by
 * signing the separation); for VIS and VIP, also the cap the price stays within.
 */
export type PriceRegime = { readonly kind: 'fixed_in_pesos'; readonly cap: HousingPriceCap | null };

export const housingPriceCap = (regime: HousingRegime | null, rules: HousingRules): HousingPriceCap | null => {
  if (regime !== 'vis' && regime !== 'vip') return null;
  const smmlvCount = rules.capSmmlv[regime];
  return {
    regime,
    smmlvCount,
    smmlv: rules.smmlv,
    smmlvYear: rules.smmlvYear,
    cap: { amount: rules.smmlv.amount * smmlvCount, currency: rules.smmlv.currency },
  };
};

/** A social-housing price over its legal cap cannot be offered as VIS/VIP: the catalogue needs fixing first. */
export const exceedsCap = (price: Money, cap: HousingPriceCap | null): boolean =>
  cap !== null && (price.currency !== cap.cap.currency || price.amount > cap.cap.amount);
