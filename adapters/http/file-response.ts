import type { Context } from 'hono';

/**
 * Types a browser may show in place, on our origin: images, audio and PDF that run nothing. Never SVG, HTML, XML
 * or scripts: a lead (or anyone who can send one) chooses a file's label, and an active one would run as the app.
 */
export const INLINE_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'application/pdf',
]);

/** What a file response may do if a browser renders it anyway: load nothing, be framed by nobody, run in a sandbox. */
export const FILE_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

// RFC 9110 token characters, so the label cannot carry anything into the header.
const MIME_ESSENCE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** `Image/SVG+XML; charset=utf-8` → `image/svg+xml`; anything that is not a plain `type/subtype` → octet-stream. */
export const servedType = (mimeType: string): string => {
  const essence = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  return MIME_ESSENCE.test(essence) ? essence : 'application/octet-stream';
};

// An unpaired surrogate has no UTF-8 form (encodeURIComponent would throw): it becomes U+FFFD, as a browser shows it.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** RFC 8187 `attr-char`s stay, every other byte of the UTF-8 name is percent-encoded. */
const extValue = (name: string): string =>
  encodeURIComponent(name.replace(LONE_SURROGATE, '\ufffd')).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * RFC 6266: a quoted ASCII fallback (controls, non-ASCII, quotes, backslashes and `%` become `_`) and the exact
 * name as `filename*`, which every current browser prefers.
 */
export const contentDisposition = (disposition: 'inline' | 'attachment', filename: string): string =>
  `${disposition}; filename="${filename.replace(/[^\x20-\x7e]|["\\%]/g, '_')}"; filename*=UTF-8''${extValue(filename)}`;

/** The bytes whole, or as a stream of `size` bytes (a 100 MB document is never held in memory). */
export type ServedFile = { readonly mimeType: string; readonly filename: string } & (
  | { readonly bytes: Uint8Array }
  | { readonly body: AsyncIterable<Uint8Array>; readonly size: number }
);

/**
 * The one way the service answers with stored bytes (the fake phone's files, `/api/v1/media`): inline only for
 * `INLINE_TYPES`, otherwise a download; never sniffed; fenced by a sandboxing CSP in case a browser renders it.
 */
export const fileResponse = (c: Context, file: ServedFile): Response => {
  const type = servedType(file.mimeType);
  const [body, size] =
    'bytes' in file ? [new Uint8Array(file.bytes), file.bytes.length] : [ReadableStream.from(file.body), file.size];
  return c.body(body, 200, {
    'Content-Type': type,
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(INLINE_TYPES.has(type) ? 'inline' : 'attachment', file.filename),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': FILE_CSP,
  });
};
