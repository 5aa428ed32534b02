import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AdReferral,
  earliestContact,
  FIRST_TEXT_MAX,
  type FirstContact,
  firstContactOf,
  truncated,
} from '../../../domain/lead/origin.ts';

const anyReferral: fc.Arbitrary<AdReferral | null> = fc.option(
  fc.record({
    sourceType: fc.constantFrom('ad' as const, 'post' as const, 'other' as const),
    sourceId: fc.option(fc.string(), { nil: null }),
    sourceUrl: fc.constant(null),
    headline: fc.option(fc.string(), { nil: null }),
    body: fc.constant(null),
    mediaType: fc.constant(null),
    ctwaClid: fc.option(fc.string(), { nil: null }),
  }),
  { nil: null },
);

const anyContact: fc.Arbitrary<FirstContact> = fc.record({
  referral: anyReferral,
  text: fc.option(fc.string(), { nil: null }),
  at: fc.integer({ min: 0, max: 1e12 }),
});

describe('a conversation’s first contact', () => {
  it('keeps a first message of any length to at most the limit, in whole characters, marked when cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), (text) => {
        const cut = truncated(text, FIRST_TEXT_MAX);
        const chars = Array.from(cut);
        expect(chars.length).toBeLessThanOrEqual(FIRST_TEXT_MAX);
        if (Array.from(text.trim()).length <= FIRST_TEXT_MAX) expect(cut).toBe(text.trim());
        else expect(text.trim().startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
        expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
      }),
    );
  });

  it('is the earliest message whatever order they arrive in, with any referral one of them carried', () => {
    fc.assert(
      fc.property(fc.array(anyContact, { minLength: 1, maxLength: 6 }), (contacts) => {
        const seen = contacts.reduce<FirstContact | null>((known, next) => earliestContact(known, next), null);
        const earliest = Math.min(...contacts.map((c) => c.at));
        expect(seen?.at).toBe(earliest);
        const withReferral = contacts.filter((c) => c.referral !== null);
        if (withReferral.length === 0) expect(seen?.referral).toBeNull();
        else expect(withReferral.map((c) => c.referral)).toContainEqual(seen?.referral);
      }),
    );
  });

  it('keeps the words of a text, a caption or a tapped option, and none of a location', () => {
    expect(firstContactOf({ kind: 'text', body: '  Hola  ' }, 5, null)).toEqual({
      referral: null,
      text: 'Hola',
      at: 5,
    });
    expect(firstContactOf({ kind: 'choice', id: 'x', title: 'Precio' }, 5, null).text).toBe('Precio');
    expect(firstContactOf({ kind: 'location', latitude: 4.6, longitude: -74 }, 5, null).text).toBeNull();
    const photo = { kind: 'media', mediaKind: 'image', waMediaId: 'm', mimeType: 'image/jpeg' } as const;
    expect(firstContactOf(photo, 5, null).text).toBeNull();
    expect(firstContactOf({ ...photo, caption: 'Así la quiero' }, 5, null).text).toBe('Así la quiero');
  });
});
