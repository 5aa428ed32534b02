import { err, ok, type Result } from '../shared/result.ts';

/** The builder's logo as the proposal prints it: a PNG or a JPEG, read and checked when it was saved. */
export type Logo = {
  readonly mimeType: 'image/png' | 'image/jpeg';
  readonly bytes: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
};

/** A logo is a small image: this keeps the settings row and every PDF light. */
export const MAX_LOGO_BYTES = 256 * 1024;
/** Past this many pixels a side a PNG would take tens of megabytes to decode for a 4 cm wide mark. */
export const MAX_LOGO_SIDE_PX = 2048;

export type LogoRefusal =
  | { readonly type: 'LogoTooLarge'; readonly limit: 'bytes'; readonly size: number; readonly maxBytes: number }
  | {
      readonly type: 'LogoTooLarge';
      readonly limit: 'pixels';
      readonly widthPx: number;
      readonly heightPx: number;
      readonly maxSidePx: number;
    }
  /** Not a whole PNG or baseline/progressive JPEG (another format, a truncated file, or no image at all). */
  | { readonly type: 'LogoNotAnImage' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The IEND chunk every complete PNG ends with: length 0, type, CRC. */
const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
const PNG_BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

const bytesAt = (bytes: Uint8Array, at: number, expected: readonly number[]): boolean =>
  expected.every((b, i) => bytes[at + i] === b);
const u16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32 = (b: Uint8Array, at: number): number => u16(b, at) * 65_536 + u16(b, at + 2);

type Size = { readonly widthPx: number; readonly heightPx: number };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** Every chunk whole, with its CRC right, from IHDR to IEND with image data between: no truncated or damaged file. */
const wellFramed = (b: Uint8Array): boolean => {
  let at = PNG_SIGNATURE.length;
  let data = false;
  while (at + 12 <= b.length) {
    const length = u32(b, at);
    const end = at + 12 + length;
    if (end > b.length || crc32(b.subarray(at + 4, at + 8 + length)) !== u32(b, at + 8 + length)) return false;
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    if (type === 'IDAT') data = true;
    if (type === 'IEND') return data && end === b.length;
    at = end;
  }
  return false;
};

const pngSize = (b: Uint8Array): Size | null => {
  const ihdr = b.length >= 33 + PNG_END.length && u32(b, 8) === 13 && bytesAt(b, 12, [0x49, 0x48, 0x44, 0x52]);
  if (!ihdr || !bytesAt(b, b.length - PNG_END.length, PNG_END) || !wellFramed(b)) return null;
  const [depth = 0, colour = -1, compression, filter, interlace = 9] = b.subarray(24, 29);
  const depthOk = PNG_BIT_DEPTHS[colour]?.includes(depth) ?? false;
  if (!depthOk || compression !== 0 || filter !== 0 || interlace > 1) return null;
  return { widthPx: u32(b, 16), heightPx: u32(b, 20) };
};

/** Start-of-frame markers: baseline, extended, progressive and lossless, Huffman or arithmetic. */
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

const jpegSize = (b: Uint8Array): Size | null => {
  if (!bytesAt(b, 0, [0xff, 0xd8, 0xff]) || !b.subarray(-32).some((x, i, end) => x === 0xff && end[i + 1] === 0xd9))
    return null;
  for (let at = 2; at + 9 < b.length; ) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = u16(b, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      const components = b[at + 9] ?? 0;
      return [1, 3, 4].includes(components) ? { widthPx: u16(b, at + 7), heightPx: u16(b, at + 5) } : null;
    }
    at += 2 + length;
  }
  return null;
};

/**
 * The logo, if the bytes are a complete PNG or JPEG of a sensible size: the signature, the header the
 * dimensions come from and the end marker are checked, so that the PDF renderer is never handed something it
 * cannot draw.
 */
export const readLogo = (bytes: Uint8Array): Result<Logo, LogoRefusal> => {
  if (bytes.length > MAX_LOGO_BYTES)
    return err({ type: 'LogoTooLarge', limit: 'bytes', size: bytes.length, maxBytes: MAX_LOGO_BYTES });
  const png = bytesAt(bytes, 0, PNG_SIGNATURE);
  const size = png ? pngSize(bytes) : jpegSize(bytes);
  if (size === null || size.widthPx === 0 || size.heightPx === 0) return err({ type: 'LogoNotAnImage' });
  if (size.widthPx > MAX_LOGO_SIDE_PX || size.heightPx > MAX_LOGO_SIDE_PX)
    return err({ type: 'LogoTooLarge', limit: 'pixels', ...size, maxSidePx: MAX_LOGO_SIDE_PX });
  return ok({ mimeType: png ? 'image/png' : 'image/jpeg', bytes, ...size });
};
