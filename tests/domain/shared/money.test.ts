import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyShort, money, moneyOf } from '../../../domain/shared/money.ts';

const amount = fc.maxSafeNat();
const cop = (n: number) => moneyOf(n, 'COP');
const usd = (n: number) => moneyOf(n, 'USD');

describe('money', () => {
  it('accepts every non-negative safe integer, in either currency', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom('COP' as const, 'USD' as const), (n, currency) => {
        expect(money(n, currency)).toEqual({ ok: true, value: { amount: n, currency } });
      }),
    );
  });

  it('refuses negatives, fractions, unsafe integers and non-numbers', () => {
    const bad = fc.oneof(
      fc.integer({ max: -1 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Number.isInteger(x)),
      fc.constantFrom(2 ** 53, Number.MAX_VALUE, Infinity, -Infinity, NaN, 0.5, -0.1, 1e300),
    );
    fc.assert(
      fc.property(bad, (n) => {
        const r = money(n, 'COP');
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.type).toBe('InvalidMoney');
      }),
    );
  });
});

describe('formatMoney', () => {
  it('writes COP Colombian style', () => {
    expect(formatMoney({ amount: 350_000_000, currency: 'COP' })).toBe('$ 350.000.000');
    expect(formatMoney(cop(0))).toBe('$ 0');
    expect(formatMoney(cop(999))).toBe('$ 999');
    expect(formatMoney(cop(1_000))).toBe('$ 1.000');
    expect(formatMoney(cop(1_250_000))).toBe('$ 1.250.000');
  });

  it('gives back the COP amount when "$ " and the dots are removed, dots every three digits', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const text = formatMoney(cop(n));
        expect(text).toMatch(/^\$ \d{1,3}(\.\d{3})*$/);
        expect(Number(text.replace('$ ', '').replaceAll('.', ''))).toBe(n);
      }),
    );
  });

  it('writes USD with thousands commas and two-digit cents', () => {
    expect(formatMoney(usd(125_050))).toBe('US$ 1,250.50');
    expect(formatMoney(usd(5))).toBe('US$ 0.05');
    expect(formatMoney(usd(0))).toBe('US$ 0.00');
    expect(formatMoney(usd(100_000_000))).toBe('US$ 1,000,000.00');
  });

  it('gives back the USD amount in cents for any safe amount', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const text = formatMoney(usd(n));
        expect(text).toMatch(/^US\$ \d{1,3}(,\d{3})*\.\d{2}$/);
        expect(Number(text.replace('US$ ', '').replaceAll(',', '').replace('.', ''))).toBe(n);
      }),
    );
  });
});

describe('formatMoneyShort', () => {
  it('writes COP from a million up in whole millions, rounded down', () => {
    expect(formatMoneyShort(cop(350_000_000))).toBe('$ 350 M');
    expect(formatMoneyShort(cop(1_250_000_000))).toBe('$ 1.250 M');
    expect(formatMoneyShort(cop(1_000_000))).toBe('$ 1 M');
    expect(formatMoneyShort(cop(1_499_999))).toBe('$ 1 M');
    expect(formatMoneyShort(cop(1_500_000))).toBe('$ 1 M');
    expect(formatMoneyShort(cop(349_900_000))).toBe('$ 349 M');
  });

  it('falls back to the full form below a million and for USD', () => {
    expect(formatMoneyShort(cop(999_999))).toBe('$ 999.999');
    expect(formatMoneyShort(usd(350_000_000))).toBe('US$ 3,500,000.00');
  });

  it('is at most the amount and less than a million below it, and never longer than the full form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = formatMoneyShort(cop(n));
        expect(text).toMatch(/^\$ \d{1,3}(\.\d{3})* M$/);
        const millions = Number(text.slice(2, -2).replaceAll('.', ''));
        expect(millions * 1_000_000).toBeLessThanOrEqual(n);
        expect(n - millions * 1_000_000).toBeLessThan(1_000_000);
        expect(text.length).toBeLessThanOrEqual(formatMoney(cop(n)).length);
      }),
    );
  });
});
