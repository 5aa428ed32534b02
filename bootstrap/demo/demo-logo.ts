import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const SIZE = 120;
const CLEAR: Rgba = [0, 0, 0, 0];
const WINDOW: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [214, 164, 62, 255];
/** Three towers of the demo builder's mark: left edge, right edge, top, colour. */
const TOWERS: readonly (readonly [number, number, number, Rgba])[] = [
  [12, 38, 44, [22, 110, 122, 255]],
  [44, 74, 14, [15, 76, 92, 255]],
  [80, 106, 58, [46, 140, 150, 255]],
];
const GROUND = 106;

const windowAt = (x: number, y: number, left: number, top: number): boolean =>
  (x - left) % 9 >= 4 && (x - left) % 9 < 8 && (y - top) % 12 >= 6 && (y - top) % 12 < 11 && y < GROUND - 6;

/** The mark's colour at a pixel: three towers with lit windows on a gold line. */
const pixel = (x: number, y: number): Rgba => {
  if (y >= GROUND + 2 && y < GROUND + 8 && x >= 6 && x < 114) return GOLD;
  for (const [left, right, top, colour] of TOWERS)
    if (x >= left && x < right && y >= top && y < GROUND) return windowAt(x, y, left, top) ? WINDOW : colour;
  return CLEAR;
};

const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/**
 * The demo builder's logo, drawn here as a 120 × 120 RGBA PNG (no image is downloaded or committed): what a
 * configured builder's proposal looks like on a fresh desk.
 */
export const demoLogoPng = (): Uint8Array => {
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0: no filter
    for (let x = 0; x < SIZE; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no interlace
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.concat(rows))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
};
