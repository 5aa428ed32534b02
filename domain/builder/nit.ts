import type { Branded } from '../shared/ids.ts';
import { err, ok, type Result } from '../shared/result.ts';

/** A Colombian NIT with its check digit, kept as `900123456-7` (digits, a hyphen, the check digit). */
export type Nit = Branded<string, 'Nit'>;

/**
 * `format`: not digits and a check digit (`900.123.456-7`, `900123456-7`, `9001234567`);
 * `check_digit`: the check digit is not the one the DIAN's algorithm gives (`expected`).
 */
export type InvalidNit =
  | { readonly type: 'InvalidNit'; readonly reason: 'format'; readonly input: string }
  | { readonly type: 'InvalidNit'; readonly reason: 'check_digit'; readonly input: string; readonly expected: number };

/** The DIAN's weights (Orden Administrativa 4 de 1989), from the units digit leftwards. */
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const;
export const NIT_MAX_DIGITS = WEIGHTS.length;

/**
 * The check digit ("dígito de verificación") of a NIT's digits: each digit times its weight, summed, modulo 11;
 * a remainder of 0 or 1 is the digit itself, any other r gives 11 − r.
 */
export const nitCheckDigit = (digits: string): number => {
  if (!/^\d{1,15}$/.test(digits)) throw new RangeError('a NIT has 1 to 15 digits');
  const sum = [...digits].reverse().reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] as number), 0);
  const r = sum % 11;
  return r <= 1 ? r : 11 - r;
};

/**
 * A NIT as people write it: dots or spaces between thousands, the check digit after a hyphen (or, without a
 * hyphen, the last digit). The check digit is required: a NIT without it cannot be checked.
 */
export const parseNit = (input: string): Result<Nit, InvalidNit> => {
  const compact = input.trim().replace(/[.\s]/g, '');
  const match = /^(\d{1,15})-?(\d)$/.exec(compact);
  if (match === null) return err({ type: 'InvalidNit', reason: 'format', input });
  const [, digits = '', check = ''] = match;
  const expected = nitCheckDigit(digits);
  if (Number(check) !== expected) return err({ type: 'InvalidNit', reason: 'check_digit', input, expected });
  return ok(`${digits}-${check}` as Nit);
};

/** `900123456-7` → `900.123.456-7`, as invoices and proposals print it. */
export const formatNit = (nit: Nit): string => {
  const [digits = '', check = ''] = nit.split('-');
  return `${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${check}`;
};
