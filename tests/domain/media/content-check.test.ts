import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContent, fitsLabel, OGG_OPUS } from '../../../domain/media/content-check.ts';
import { ACCEPTED_UPLOAD_TYPES } from '../../../domain/media/upload-policy.ts';

const TEXT = new TextEncoder().encode('Hola, te comparto el horario.\n');
const BINARY = new Uint8Array([0x48, 0x6f, 0x00, 0x6c, 0x61]);

describe('checkContent: a label must fit the signature of the bytes', () => {
  it.each([
    ['audio/ogg; codecs=opus', OGG_OPUS],
    ['audio/ogg', OGG_OPUS],
    ['image/png', 'image/png'],
    ['image/jpeg', 'image/jpeg'],
    ['application/pdf', 'application/pdf'],
    ['audio/mpeg', 'audio/mpeg'],
    ['audio/mp4', 'audio/x-m4a'],
    ['audio/mp4', 'video/mp4'],
    ['video/mp4', 'video/mp4'],
    ['application/msword', 'application/x-cfb'],
    [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['image/webp', 'image/webp'],
  ])('lets %s through when the bytes are %s', (declared, detected) => {
    expect(fitsLabel(declared, detected, new Uint8Array([1]))).toBe(true);
  });

  it.each([
    ['audio/ogg', 'audio/ogg'],
    ['audio/ogg', 'audio/mpeg'],
    ['audio/ogg', 'image/png'],
    ['image/jpeg', 'application/pdf'],
    ['application/pdf', 'image/png'],
    ['video/mp4', 'audio/x-m4a'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'],
    ['image/png', null],
  ])('refuses %s when the bytes are %s, naming both', (declared, detected) => {
    expect(checkContent(declared, detected, new Uint8Array([1]))).toEqual({
      ok: false,
      error: { type: 'ContentMismatch', declared, detected },
    });
  });

  it('takes text as text when nothing binary is recognised and no NUL byte appears', () => {
    expect(checkContent('text/plain; charset=utf-8', null, TEXT)).toEqual({ ok: true, value: 'text/plain' });
    expect(fitsLabel('text/plain', 'application/xml', TEXT)).toBe(true);
    expect(fitsLabel('text/plain', null, BINARY)).toBe(false);
    expect(fitsLabel('text/plain', 'image/png', TEXT)).toBe(false);
  });

  it('never lets a binary label through bytes with no signature, whatever they are', () => {
    const binaryLabels = ACCEPTED_UPLOAD_TYPES.filter((t) => t !== 'text/plain');
    fc.assert(
      fc.property(
        fc.constantFrom(...binaryLabels),
        fc.uint8Array({ maxLength: 64 }),
        (declared, bytes) => !fitsLabel(declared, null, bytes),
      ),
    );
  });
});
