import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStorableText, toStorableText } from '../../../domain/shared/storable-text.ts';

describe('storable text', () => {
  it('refuses NUL and lone surrogates, keeps whole surrogate pairs (emoji)', () => {
    expect(isStorableText('Hola 🏠 ñandú')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('\ud800')).toBe(false);
    expect(isStorableText('x\udc00')).toBe(false);
    expect(toStorableText('a\u0000b\ud800🏠')).toBe('a\uFFFDb\uFFFD🏠');
  });

  it('always yields storable text, and leaves storable text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const cleaned = toStorableText(text);
        expect(isStorableText(cleaned)).toBe(true);
        expect(cleaned.length).toBe(text.length);
        if (isStorableText(text)) expect(cleaned).toBe(text);
      }),
    );
  });
});
