/**
 * The smallest real files of each kind an advisor attaches, built byte by byte so tests need no binary
 * fixtures: each starts with the signature ("magic bytes") its format defines, which is all a detector reads.
 */

const bytes = (...parts: (readonly number[] | Uint8Array | string)[]): Uint8Array => {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};

const u32be = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff];
const u32le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** A PNG chunk (length, type, data, CRC); the CRC is not checked by signature readers, so it is left zero. */
const pngChunk = (type: string, data: readonly number[]): Uint8Array =>
  bytes(u32be(data.length), type, data, [0, 0, 0, 0]);

/** A 1×1 PNG: the 8-byte signature, IHDR, an empty IDAT and IEND. */
export const aPng = (): Uint8Array =>
  bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', [...u32be(1), ...u32be(1), 8, 6, 0, 0, 0]),
    pngChunk('IDAT', []),
    pngChunk('IEND', []),
  );

/** A JPEG's start: SOI and a JFIF APP0 segment. */
export const aJpeg = (): Uint8Array =>
  bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xd9]);

/** A one-page PDF's header and trailer. */
export const aPdf = (): Uint8Array =>
  bytes('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Two MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, 417 bytes each) without an ID3 tag. */
export const anMp3 = (): Uint8Array => {
  const frame = bytes([0xff, 0xfb, 0x90, 0x64], new Uint8Array(417 - 4));
  return bytes(frame, frame);
};

/** One OGG page (header type: beginning of stream) holding one packet. */
const oggPage = (packet: Uint8Array): Uint8Array =>
  bytes('OggS', [0, 0x02], new Uint8Array(8), u32le(0x1234), u32le(0), u32le(0), [1, packet.length], packet);

/** The first page of an OGG/Opus voice note: its `OpusHead` packet (version 1, mono, 48 kHz). */
export const anOggOpus = (): Uint8Array => oggPage(bytes('OpusHead', [1, 1], u16le(312), u32le(48000), u16le(0), [0]));

/** The first page of an OGG/Vorbis file: OGG like a voice note, but not Opus inside. */
export const anOggVorbis = (): Uint8Array =>
  oggPage(bytes([0x01], 'vorbis', u32le(0), [1], u32le(44100), u32le(0), u32le(128000), u32le(0), [0xb8, 0x01]));

/** A browser recording in WebM (EBML header). */
export const aWebm = (): Uint8Array =>
  bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01], [0x42, 0x82, 0x84], 'webm');

/** Plain UTF-8 text, as a `.txt` attachment. */
export const someText = (): Uint8Array => bytes('Horario de la sala de ventas: lunes a sábado, 9:00 a 18:00.\n');
