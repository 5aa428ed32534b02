import { err, ok, type Result } from './result.ts';

export type Currency = 'COP' | 'USD';

/** An amount in integer minor units of its currency (COP is quoted in whole pesos). */
export type Money = { readonly amount: number; readonly currency: Currency };
export type InvalidMoney = { readonly type: 'InvalidMoney'; readonly reason: string };

/** Minor units per major unit: Colombian pesos are priced and paid in whole pesos. */
export const MINOR_UNITS: Readonly<Record<Currency, number>> = { COP: 1, USD: 100 };

export const money = (amount: number, currency: Currency): Result<Money, InvalidMoney> =>
  Number.isSafeInteger(amount) && amount >= 0
    ? ok({ amount, currency })
    : err({ type: 'InvalidMoney', reason: `amount must be a non-negative safe integer, got ${amount}` });

/** For literals known to be valid (catalogue fixtures, arithmetic on valid amounts). */
export const moneyOf = (amount: number, currency: Currency = 'COP'): Money => ({ amount, currency });

const groupThousands = (digits: string, separator: string): string =>
  digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** `$ 350.000.000` for COP (Colombian style), `US$ 1,250.50` for USD. */
export const formatMoney = (m: Money): string => {
  if (m.currency === 'COP') return `$ ${groupThousands(String(m.amount), '.')}`;
  const major = Math.floor(m.amount / 100);
  const cents = String(m.amount % 100).padStart(2, '0');
  return `US$ ${groupThousands(String(major), ',')}.${cents}`;
};

/**
 * Short form for tight labels (list rows, "desde" prices): `$ 350 M`, `$ 1.250 M`. Whole millions rounded *down*:
 * a unit of $ 349.900.000 is "desde $ 349 M", never a "desde" above the cheapest price.
 */
export const formatMoneyShort = (m: Money): string => {
  if (m.currency !== 'COP' || m.amount < 1_000_000) return formatMoney(m);
  return `$ ${groupThousands(String(Math.floor(m.amount / 1_000_000)), '.')} M`;
};
