import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNit, nitCheckDigit, parseNit } from '../../../domain/builder/nit.ts';

describe('NIT check digit (DIAN, Orden Administrativa 4 de 1989)', () => {
  it('gives the check digit of known NITs', () => {
    expect(nitCheckDigit('800191045')).toBe(1);
    expect(nitCheckDigit('890903938')).toBe(8);
    expect(nitCheckDigit('860002964')).toBe(4);
  });

  it('accepts a NIT with its own check digit however it is written, and no other digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{8}$/), fc.integer({ min: 0, max: 9 }), (digits, other) => {
        const check = nitCheckDigit(digits);
        const dotted = `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6)}-${check}`;
        const parsed = parseNit(dotted);
        expect(parsed).toEqual({ ok: true, value: `${digits}-${check}` });
        if (parsed.ok) expect(formatNit(parsed.value)).toBe(dotted);
        expect(parseNit(`${digits}${check}`).ok).toBe(true);
        if (other !== check)
          expect(parseNit(`${digits}-${other}`)).toMatchObject({
            ok: false,
            error: { reason: 'check_digit', expected: check },
          });
      }),
    );
  });

  it('refuses what is not digits and a check digit', () => {
    for (const input of ['', 'abc', '900.123.456-', '9', '900-12-3-4'])
      expect(parseNit(input)).toMatchObject({ ok: false, error: { type: 'InvalidNit', reason: 'format' } });
  });
});
