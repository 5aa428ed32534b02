import { describe, expect, it } from 'vitest';
import { demoLogoPng } from '../../../bootstrap/demo/demo-logo.ts';
import { MAX_LOGO_BYTES, readLogo } from '../../../domain/builder/logo.ts';

describe('readLogo', () => {
  it('reads a whole PNG and its size', () => {
    expect(readLogo(demoLogoPng())).toMatchObject({
      ok: true,
      value: { mimeType: 'image/png', widthPx: 120, heightPx: 120 },
    });
  });

  it('reads a JPEG size from its start-of-frame marker', () => {
    const sof = [0xff, 0xc0, 0, 17, 8, 0, 40, 0, 90, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, ...sof, 0xff, 0xd9]);
    expect(readLogo(jpeg)).toMatchObject({ ok: true, value: { mimeType: 'image/jpeg', widthPx: 90, heightPx: 40 } });
  });

  it('refuses a truncated or damaged PNG, and what is no image at all', () => {
    const png = demoLogoPng();
    const damaged = png.slice();
    damaged[40] = (damaged[40] ?? 0) ^ 0xff;
    for (const bytes of [png.slice(0, 60), damaged, new TextEncoder().encode('<svg/>'), new Uint8Array()])
      expect(readLogo(bytes)).toEqual({ ok: false, error: { type: 'LogoNotAnImage' } });
  });

  it('refuses a logo over the size limit', () => {
    expect(readLogo(new Uint8Array(MAX_LOGO_BYTES + 1))).toMatchObject({
      ok: false,
      error: { type: 'LogoTooLarge', limit: 'bytes' },
    });
  });
});
