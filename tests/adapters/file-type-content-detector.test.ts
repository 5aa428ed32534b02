import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileTypeContentDetector } from '../../adapters/media/file-type-content-detector.ts';
import { OGG_OPUS } from '../../domain/media/content-check.ts';
import { aJpeg, anMp3, anOggOpus, anOggVorbis, aPdf, aPng, aWebm, someText } from '../builders/media-fixtures.ts';

const detector = new FileTypeContentDetector();

describe('FileTypeContentDetector (file-type)', () => {
  it.each([
    ['an OGG page with OpusHead', anOggOpus(), OGG_OPUS],
    ['an OGG page with Vorbis', anOggVorbis(), 'audio/ogg'],
    ['a PNG', aPng(), 'image/png'],
    ['a JPEG', aJpeg(), 'image/jpeg'],
    ['a PDF header', aPdf(), 'application/pdf'],
    ['an MP3 frame header', anMp3(), 'audio/mpeg'],
    ['a WebM recording', aWebm(), 'video/webm'],
    ['plain text', someText(), null],
    ['four bytes of OggS and nothing after', new Uint8Array([0x4f, 0x67, 0x67, 0x53]), null],
  ])('reads %s as %s', async (_what, bytes, expected) => {
    expect(await detector.detect(bytes)).toBe(expected);
  });

  it('answers for any bytes without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        const detected = await detector.detect(bytes);
        return detected === null || detected === detected.toLowerCase();
      }),
      { numRuns: 200 },
    );
  });
});
