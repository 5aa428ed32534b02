import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneE164, waDigits, type PhoneE164 } from '../../../domain/contact/phone.ts';

/** `+`, a non-zero first digit, 8 to 15 digits in all. */
const e164 = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 14 }))
  .map(([first, rest]) => `+${first}${rest.join('')}`);

const separators = fc.constantFrom(' ', '-', '.', '(', ')', '  ');

const parsed = (input: string): string | null => {
  const r = parsePhoneE164(input);
  return r.ok ? r.value : null;
};

describe('parsePhoneE164', () => {
  it('lets any valid E.164 string through unchanged', () => {
    fc.assert(
      fc.property(e164, (phone) => {
        expect(parsed(phone)).toBe(phone);
      }),
    );
  });

  it('reads the digits-only wa_id form and formatted forms as the same number', () => {
    fc.assert(
      fc.property(e164, fc.array(fc.tuple(fc.nat(), separators), { maxLength: 6 }), (phone, cuts) => {
        const formatted = cuts.reduce((s, [i, sep]) => {
          const at = 1 + (i % s.length);
          return s.slice(0, at) + sep + s.slice(at);
        }, phone);
        expect(parsed(phone.slice(1))).toBe(phone);
        expect(parsed(` ${formatted} `)).toBe(phone);
      }),
    );
  });

  it('refuses any input holding a letter or another symbol', () => {
    fc.assert(
      fc.property(
        e164,
        fc.nat(),
        fc.constantFrom('a', 'x', 'O', 'l', '#', '*', '/', '_', ',', '++'),
        (phone, i, junk) => {
          const at = 1 + (i % phone.length);
          expect(parsed(phone.slice(0, at) + junk + phone.slice(at))).toBeNull();
        },
      ),
    );
  });

  it('refuses fewer than 8 or more than 15 digits', () => {
    const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[1-9][0-9]{${min - 1},${max - 1}}$`));
    fc.assert(
      fc.property(fc.oneof(digits(1, 7), digits(16, 30)), fc.boolean(), (ds, plus) => {
        expect(parsed(plus ? `+${ds}` : ds)).toBeNull();
      }),
    );
  });

  it.each([
    ['+573001234567', '+573001234567'],
    ['573001234567', '+573001234567'],
    ['+57 300 123 4567', '+573001234567'],
    ['+57 (300) 123-4567', '+573001234567'],
    ['+1.415.555.2671', '+14155552671'],
    ['+0573001234567', null],
    ['0573001234567', null],
    ['+57 300 ABC 4567', null],
    ['+1234567', null],
    ['+1234567890123456', null],
    ['++573001234567', null],
    ['57+3001234567', null],
    ['', null],
    ['+', null],
  ])('%j → %j', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it('reports the raw input when it refuses', () => {
    expect(parsePhoneE164(' 300-abc ')).toEqual({ ok: false, error: { type: 'InvalidPhone', input: ' 300-abc ' } });
  });

  it('(beware) takes a national number without country code as if its first digits were one', () => {
    // A Colombian mobile typed as "300 123 4567" becomes +3001234567 (country code 30, Greece): valid E.164 shape.
    expect(parsed('300 123 4567')).toBe('+3001234567');
  });
});

describe('waDigits', () => {
  it('drops only the leading +', () => {
    fc.assert(
      fc.property(e164, (phone) => {
        const digits = waDigits(phone as PhoneE164);
        expect(`+${digits}`).toBe(phone);
        expect(digits).toMatch(/^[1-9]\d{7,14}$/);
        expect(parsed(digits)).toBe(phone);
      }),
    );
  });

  it('gives the digits Meta expects in `to`', () => {
    expect(waDigits('+573001234567' as PhoneE164)).toBe('573001234567');
  });
});
