import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  contentDisposition,
  FILE_CSP,
  fileResponse,
  INLINE_TYPES,
  servedType,
} from '../../../adapters/http/file-response.ts';

const serve = (mimeType: string, filename: string): Promise<Response> => {
  const app = new Hono();
  app.get('/f', (c) => fileResponse(c, { bytes: new Uint8Array([1, 2, 3]), mimeType, filename }));
  return Promise.resolve(app.request('/f'));
};

/** The name a browser reads from `filename*` (RFC 8187), or null when there is none. */
const extendedName = (header: string): string | null => {
  const match = /filename\*=UTF-8''([^;\s]*)$/.exec(header);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
};

/** Any UTF-16 string, lone surrogates too (a JSON body may carry them), leaning on the characters that matter here. */
const names = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '%', "'", '\r', '\n', ';', '*', '\ud800', '\udfff'),
    fc.nat({ max: 0xffff }).map((n) => String.fromCharCode(n)),
  ),
  maxLength: 80,
});
/** What UTF-8 can carry of a string: Node's encoder, an oracle independent of the code under test. */
const wellFormed = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

describe('fileResponse', () => {
  it('any file name gives a header a browser takes, whose filename* is the name itself', async () => {
    await fc.assert(
      fc.asyncProperty(names, async (filename) => {
        const response = await serve('application/pdf', filename);
        const header = response.headers.get('content-disposition') ?? '';
        expect(response.status).toBe(200);
        expect(header).toMatch(/^inline; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
        expect(extendedName(header)).toBe(wellFormed(filename));
      }),
    );
  });

  it('any label: inline only for the short list, a plain type/subtype or octet-stream, always fenced', async () => {
    const labels = fc.oneof(
      fc.constantFrom(
        ...INLINE_TYPES,
        'image/svg+xml',
        'text/html',
        'application/xhtml+xml',
        'text/xml',
        'text/javascript',
        'video/mp4',
      ),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc
        .tuple(fc.constantFrom(...INLINE_TYPES), fc.string({ maxLength: 20 }))
        .map(([t, p]) => `${t.toUpperCase()}; ${p}`),
    );
    await fc.assert(
      fc.asyncProperty(labels, async (label) => {
        const response = await serve(label, 'f');
        const type = response.headers.get('content-type') ?? '';
        expect(type).toBe(servedType(label));
        expect(type).toMatch(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/);
        expect(response.headers.get('content-disposition')?.split(';')[0]).toBe(
          INLINE_TYPES.has(type) ? 'inline' : 'attachment',
        );
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-security-policy')).toBe(FILE_CSP);
      }),
    );
  });

  it.each([
    'image/svg+xml',
    'text/html',
    'application/xhtml+xml',
    'text/xml',
    'application/xml',
    'text/javascript',
    'application/javascript',
  ])('%s is never inline', (type) => expect(INLINE_TYPES.has(servedType(type))).toBe(false));

  it('keeps the ASCII fallback quoted and plain', () => {
    expect(contentDisposition('attachment', 'Cotización "final" 100%.pdf')).toBe(
      `attachment; filename="Cotizaci_n _final_ 100_.pdf"; filename*=UTF-8''Cotizaci%C3%B3n%20%22final%22%20100%25.pdf`,
    );
  });
});
