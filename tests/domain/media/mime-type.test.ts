import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMimeType } from '../../../domain/media/mime-type.ts';

const parsed = (raw: string) => {
  const result = parseMimeType(raw);
  return result.ok ? result.value : null;
};

describe('parseMimeType', () => {
  it('reads a plain type, lower-casing its essence', () => {
    expect(parsed('Application/PDF')).toEqual({ essence: 'application/pdf', parameters: [], text: 'application/pdf' });
  });

  it('keeps parameters, so a voice note stays `audio/ogg; codecs=opus`', () => {
    expect(parsed('audio/ogg; codecs=opus')).toEqual({
      essence: 'audio/ogg',
      parameters: [['codecs', 'opus']],
      text: 'audio/ogg; codecs=opus',
    });
    expect(parsed('AUDIO/OGG;CODECS=opus')?.text).toBe('audio/ogg; codecs=opus');
    expect(parsed('text/plain; charset="utf-8"')?.parameters).toEqual([['charset', 'utf-8']]);
    expect(parsed('text/plain; name="a \\"b\\"; c"')).toMatchObject({
      parameters: [['name', 'a "b"; c']],
      text: 'text/plain; name="a \\"b\\"; c"',
    });
  });

  it.each([
    ['', 'empty'],
    ['application', 'no subtype'],
    ['application/', 'empty subtype'],
    ['/pdf', 'empty type'],
    ['image/jpeg\r\nX-Injected: 1', 'CR/LF (header injection)'],
    ['image/jpeg\n', 'a trailing LF'],
    ['image/jpeg\u0000', 'a NUL'],
    ['text/html; charset', 'a parameter without a value'],
    ['text/html; =utf-8', 'a parameter without a name'],
    ['text/plain; name="unterminated', 'an unterminated quoted string'],
    ['imagé/jpeg', 'a non-ASCII type'],
    ['image/jp eg', 'a space inside the subtype'],
    ['image/jpeg/x', 'two slashes'],
    [`application/${'x'.repeat(300)}`, 'more than 255 characters'],
  ])('refuses %j (%s)', (raw) => {
    expect(parseMimeType(raw)).toEqual({ ok: false, error: { type: 'InvalidMimeType' } });
  });

  it('never accepts a control character, and what it gives back parses to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (raw) => {
        const result = parseMimeType(raw);
        if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(raw)) expect(result.ok).toBe(false);
        if (!result.ok) return;
        expect(result.value.text).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(parseMimeType(result.value.text)).toEqual(result);
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts every well-formed type with token parameters', () => {
    const token = fc.stringMatching(/^[a-z0-9][a-z0-9+.-]{0,15}$/);
    fc.assert(
      fc.property(token, token, fc.array(fc.tuple(token, token), { maxLength: 3 }), (type, subtype, params) => {
        const raw = [`${type}/${subtype}`, ...params.map(([k, v]) => `${k}=${v}`)].join('; ');
        expect(parsed(raw)?.essence).toBe(`${type}/${subtype}`);
      }),
    );
  });
});
