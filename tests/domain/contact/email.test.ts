import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../domain/contact/email.ts';

/** The contract, written independently: WHATWG-style dot-atom local part, ASCII labels, alphabetic TLD. */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const REFERENCE = new RegExp(`^(${ATOM}(?:\\.${ATOM})*)@((?:${LABEL}\\.)+[A-Za-z]{2,63})$`);

const reference = (input: string): string | null => {
  const t = input.trim();
  const m = REFERENCE.exec(t);
  if (m === null || t.length > 254) return null;
  const [, local = '', domain = ''] = m;
  return local.length <= 64 ? `${local}@${domain.toLowerCase()}` : null;
};

const parsed = (input: string): string | null => {
  const r = parseEmail(input);
  return r.ok ? r.value : null;
};

const atom = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,12}$/);
const label = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9-]{0,8}[A-Za-z0-9])?$/),
  fc.stringMatching(/^[a-z0-9-]{55,66}$/),
);
const validShaped = fc
  .record({
    local: fc.array(atom, { minLength: 1, maxLength: 8 }),
    labels: fc.array(label, { minLength: 1, maxLength: 5 }),
    tld: fc.stringMatching(/^[A-Za-z]{1,64}$/),
  })
  .map(({ local, labels, tld }) => `${local.join('.')}@${[...labels, tld].join('.')}`);
const valid = fc.oneof(fc.emailAddress(), validShaped);

const insertAt = (s: string, i: number, piece: string): string =>
  s.slice(0, i % (s.length + 1)) + piece + s.slice(i % (s.length + 1));
const mutated = fc.tuple(valid, fc.nat(), fc.integer({ min: 0, max: 7 })).map(([s, i, how]) => {
  switch (how) {
    case 0:
      return insertAt(s, i, ' ');
    case 1:
      return insertAt(s, i, '..');
    case 2:
      return s.replace(/\.[^.@]*$/, '');
    case 3:
      return insertAt(s, i, '@');
    case 4:
      return `  ${s.toUpperCase()}\t`;
    case 5:
      return insertAt(s, i, '.');
    case 6:
      return s.replace('@', `${'x'.repeat(i % 80)}@`);
    default:
      return `${s}.${'a'.repeat(i % 260)}`;
  }
});
const anyInput = fc.oneof(
  valid,
  mutated,
  fc.string(),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme' }).map((g) => `${g}@x.co`),
  fc.constant('ana@\u212Aelvin.com'),
);

describe('parseEmail', () => {
  it('agrees with the reference grammar on valid, mutated and random inputs', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        expect(parsed(input)).toBe(reference(input));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts well-formed user@domain.tld addresses within the length limits', () => {
    fc.assert(
      fc.property(
        validShaped.filter((s) => reference(s) !== null),
        (input) => {
          expect(parsed(input)).not.toBeNull();
        },
      ),
    );
  });

  it('returns the trimmed address with the local part untouched and the domain lower-cased', () => {
    fc.assert(
      fc.property(
        valid,
        fc.constantFrom('', ' ', '\t', '\n '),
        fc.constantFrom('', ' ', '\r\n'),
        (s, before, after) => {
          const result = parseEmail(before + s + after);
          if (!result.ok) return;
          const at = s.lastIndexOf('@');
          expect(result.value).toBe(`${s.slice(0, at)}@${s.slice(at + 1).toLowerCase()}`);
          expect(parseEmail(result.value)).toEqual(result);
        },
      ),
    );
  });

  it('reports the raw input when it refuses', () => {
    expect(parseEmail(' ana@example ')).toEqual({ ok: false, error: { type: 'InvalidEmail', input: ' ana@example ' } });
  });

  it.each([
    ['ana@example.com', 'ana@example.com'],
    [' Ana@Mail.COM ', 'Ana@mail.com'],
    ['luis.perez+crm@correo.example.co', 'luis.perez+crm@correo.example.co'],
    ['ana@example', null],
    ['ana@@x.co', null],
    ['ana@x.c', null],
    ['ana@x.c0m', null],
    ['.ana@x.co', null],
    ['ana.@x.co', null],
    ['a..na@x.co', null],
    ['ana@-x.co', null],
    ['ana@x..co', null],
    ['ana maria@x.co', null],
    ['@x.co', null],
    ['', null],
    [`${'a'.repeat(64)}@x.co`, `${'a'.repeat(64)}@x.co`],
    [`${'a'.repeat(65)}@x.co`, null],
  ])('%j → %j', (input, expected) => {
    expect(parsed(input)).toBe(expected);
  });

  it('refuses a non-ASCII KELVIN SIGN in the domain, which lower-cases to an ASCII k', () => {
    expect(reference('ana@\u212Aelvin.com')).toBeNull();
    expect(parsed('ana@\u212Aelvin.com')).toBeNull();
  });
});
