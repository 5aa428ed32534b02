import { describe, expect, it } from 'vitest';
import {
  checkInboundMedia,
  inboundMediaLimit,
  WHATSAPP_INBOUND_LIMITS,
} from '../../../domain/media/inbound-media-policy.ts';

const MB = 1024 * 1024;

describe('inbound media policy', () => {
  it("caps each kind at WhatsApp's own limit: 5 MB images, 16 MB audio and video, 100 MB documents, 500 KB stickers", () => {
    expect(WHATSAPP_INBOUND_LIMITS).toEqual({
      image: 5 * MB,
      audio: 16 * MB,
      video: 16 * MB,
      document: 100 * MB,
      sticker: 500 * 1024,
    });
  });

  it('lets the operator lower the cap, never raise it', () => {
    expect(inboundMediaLimit('document', null)).toBe(100 * MB);
    expect(inboundMediaLimit('document', 20 * MB)).toBe(20 * MB);
    expect(inboundMediaLimit('image', 20 * MB)).toBe(5 * MB);
  });

  it("accepts WhatsApp's types for each kind, parameters and case aside", () => {
    expect(checkInboundMedia('audio', 'audio/ogg; codecs=opus', 10_000, 16 * MB)).toEqual({
      ok: true,
      value: 'audio/ogg; codecs=opus',
    });
    expect(checkInboundMedia('image', 'IMAGE/JPEG', null, 5 * MB)).toEqual({ ok: true, value: 'image/jpeg' });
    expect(checkInboundMedia('sticker', 'image/webp', 30_000, 500 * 1024).ok).toBe(true);
    expect(checkInboundMedia('video', 'video/3gpp', null, 16 * MB).ok).toBe(true);
    expect(
      checkInboundMedia(
        'document',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        null,
        100 * MB,
      ).ok,
    ).toBe(true);
    // A photo sent "as a document" keeps its own type and the document's limit.
    expect(checkInboundMedia('document', 'image/jpeg', 50 * MB, 100 * MB).ok).toBe(true);
  });

  it('refuses a type WhatsApp does not carry for that kind, and anything that is no MIME type', () => {
    expect(checkInboundMedia('document', 'text/html', null, 100 * MB)).toEqual({
      ok: false,
      error: { type: 'UnsupportedMediaType', mimeType: 'text/html', reason: 'not_allowed' },
    });
    expect(checkInboundMedia('image', 'image/svg+xml', null, 5 * MB)).toMatchObject({
      ok: false,
      error: { type: 'UnsupportedMediaType' },
    });
    expect(checkInboundMedia('image', 'application/pdf', null, 5 * MB)).toMatchObject({
      ok: false,
      error: { type: 'UnsupportedMediaType' },
    });
    expect(checkInboundMedia('audio', 'audio/ogg\r\nSet-Cookie: x=1', null, 16 * MB)).toEqual({
      ok: false,
      error: { type: 'InvalidMimeType' },
    });
  });

  it('refuses a file whose announced size is over the cap, before anything is downloaded', () => {
    expect(checkInboundMedia('image', 'image/png', 5 * MB + 1, 5 * MB)).toEqual({
      ok: false,
      error: { type: 'MediaTooLarge', size: 5 * MB + 1, maxBytes: 5 * MB },
    });
    expect(checkInboundMedia('image', 'image/png', 5 * MB, 5 * MB).ok).toBe(true);
  });
});
