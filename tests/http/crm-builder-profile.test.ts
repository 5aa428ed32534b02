import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream, type PDFStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { demoLogoPng } from '../../bootstrap/demo/demo-logo.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { GetBuilderProfile } from '../../application/use-cases/get-builder-profile.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { MAX_LOGO_BYTES } from '../../domain/builder/logo.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { configurationApi } from '../support/configuration-routes.ts';
import { startDesk, type Desk } from '../support/desk-harness.ts';
import { unitOfWorkOver } from '../support/unit-of-work.ts';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

const profile = {
  name: 'Constructora Caribe Ejemplo S.A.S.',
  nit: '800.197.268-4',
  address: 'Calle 77 # 59-35, oficina 1203, Barranquilla',
  salesPhone: '+57 605 330 0200',
  salesEmail: 'ventas@caribe-ejemplo.co',
  website: 'https://caribe-ejemplo.co',
  logo: { mimeType: 'image/png', base64: base64(demoLogoPng()) },
  dataRequestsContact: 'datos@caribe-ejemplo.co',
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array): number =>
  (bytes.reduce((c, b) => (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

/** The demo logo grown to exactly `size` bytes by a private ancillary chunk (`prVt`) before IEND: still a whole PNG. */
const pngOfSize = (size: number): Uint8Array => {
  const png = demoLogoPng();
  const iend = png.length - 12;
  const data = new Uint8Array(size - png.length - 12);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(new TextEncoder().encode('prVt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return new Uint8Array([...png.subarray(0, iend), ...chunk, ...png.subarray(iend)]);
};

type Problem = { status: number; code: string; field?: string };

/** Every string the PDF's pages draw (pdf-lib writes the Helvetica text as hex strings), joined. */
const pdfText = async (bytes: Uint8Array): Promise<string> => {
  const doc = await PDFDocument.load(bytes);
  const streams = doc.getPages().flatMap((page) => {
    const contents = page.node.Contents();
    return contents instanceof PDFArray
      ? contents.asArray().map((ref) => doc.context.lookup(ref) as PDFStream)
      : contents === undefined
        ? []
        : [contents];
  });
  const content = streams
    .map((s) => new TextDecoder('latin1').decode(decodePDFRawStream(s as PDFRawStream).decode()))
    .join('\n');
  return [...content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)]
    .map(([, hex = '']) => new TextDecoder('latin1').decode(Buffer.from(hex, 'hex')))
    .join(' ');
};

/** A quote of the visit's project through `POST /visits/{id}/quotes`, and its PDF's bytes. */
const quotePdf = async (desk: Desk, api: ReturnType<typeof configurationApi>) => {
  const { lead } = await registerThroughBot(desk, '+573007770014', 'Lucía Rojas');
  await desk.idle();
  const visit = (await (await api.post('admin', `/leads/${lead.id}/visits`, { projectId: 'p-bog-1' })).json()) as {
    id: string;
  };
  const quote = await api.post('admin', `/visits/${visit.id}/quotes`, { unitId: 'p-bog-1-t1-u2' });
  expect(quote.status).toBe(201);
  const { pdfMediaId } = (await quote.json()) as { pdfMediaId: string };
  const pdf = await desk.media.get(pdfMediaId as never);
  if (pdf === null) throw new Error('the quote has no PDF');
  return pdf.bytes;
};

describe('CRM builder profile over HTTP', () => {
  it('lets an admin save the builder, any user read it back, and the next proposal print it', async () => {
    const desk = await startDesk();
    const api = configurationApi(desk);

    const put = await api.put('admin', '/settings/builder', profile);
    const expected = {
      ...profile,
      nit: '800197268-4',
      logo: {
        mimeType: 'image/png',
        size: demoLogoPng().length,
        widthPx: 120,
        heightPx: 120,
        dataUrl: `data:image/png;base64,${profile.logo.base64}`,
      },
    };
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(expected);
    for (const reader of ['admin', 'u-jorge', 'u-ana'])
      expect(await (await api.get(reader, '/settings/builder')).json()).toEqual(expected);

    const bytes = await quotePdf(desk, api);
    expect((await PDFDocument.load(bytes)).getAuthor()).toBe(profile.name);
    const text = await pdfText(bytes);
    expect(text).toContain(profile.name);
    expect(text).toContain('800.197.268-4');
    expect(text).not.toContain('Constructora Andina Demo');
  });

  it('keeps the saved logo when the body leaves it out, and removes it with null', async () => {
    const api = configurationApi(await startDesk());
    const { logo: _logo, website: _website, ...withoutLogo } = profile;

    const kept = (await (await api.put('admin', '/settings/builder', withoutLogo)).json()) as Record<string, unknown>;
    expect(kept).toMatchObject({ website: null, logo: { mimeType: 'image/png', widthPx: 120 } });
    const removed = await api.put('admin', '/settings/builder', { ...withoutLogo, logo: null });
    expect(await removed.json()).toMatchObject({ logo: null });
    expect(await (await api.get('u-ana', '/settings/builder')).json()).toMatchObject({ logo: null });
  });

  it('lets only admins write it: managers and advisors get 403', async () => {
    const api = configurationApi(await startDesk());
    for (const actor of ['u-jorge', 'u-ana']) {
      const res = await api.put(actor, '/settings/builder', profile);
      expect([res.status, ((await res.json()) as Problem).code]).toEqual([403, 'forbidden']);
    }
    expect(await (await api.get('u-ana', '/settings/builder')).json()).toMatchObject({
      name: 'Constructora Andina Demo S.A.S.',
    });
  });

  it('answers 404 builder_profile_not_configured while no profile is saved', async () => {
    const desk = await startDesk();
    // The demo seeds a builder: this desk reads the profile from a store that has none.
    const empty = unitOfWorkOver(new InMemoryUnitOfWork(new InMemoryStore()));
    desk.container.rebind(TOKENS.GetBuilderProfile).toConstantValue(new GetBuilderProfile(empty));
    const res = await configurationApi(desk).get('u-ana', '/settings/builder');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'builder_profile_not_configured' });
  });

  it('refuses a NIT whose check digit is wrong, naming the field and the right digit', async () => {
    const api = configurationApi(await startDesk());
    const res = await api.put('admin', '/settings/builder', { ...profile, nit: '800.197.268-5' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'invalid_nit', field: 'nit', expectedCheckDigit: 4 });
  });

  it('refuses other fields with invalid_builder_profile and their name', async () => {
    const api = configurationApi(await startDesk());
    for (const [patch, field] of [
      [{ name: '  ' }, 'name'],
      [{ salesPhone: '12' }, 'salesPhone'],
      [{ salesEmail: 'ventas@' }, 'salesEmail'],
      [{ website: 'no es una web' }, 'website'],
      [{ dataRequestsContact: 'datos@' }, 'dataRequestsContact'],
    ] as const) {
      const res = await api.put('admin', '/settings/builder', { ...profile, ...patch });
      expect(await res.json()).toMatchObject({ status: 422, code: 'invalid_builder_profile', field });
    }
  });

  it('refuses a logo that is not a PNG or JPEG, or not of the type declared', async () => {
    const api = configurationApi(await startDesk());
    const text = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    for (const logo of [
      { mimeType: 'image/png', base64: base64(text) },
      { mimeType: 'image/jpeg', base64: profile.logo.base64 },
    ]) {
      const res = await api.put('admin', '/settings/builder', { ...profile, logo });
      expect(await res.json()).toMatchObject({ status: 422, code: 'logo_not_an_image', field: 'logo' });
    }
    const gif = await api.put('admin', '/settings/builder', {
      ...profile,
      logo: { mimeType: 'image/gif', base64: 'R0lG' },
    });
    expect(await gif.json()).toMatchObject({ status: 422, code: 'validation_failed' });
  });

  it('accepts a logo of 256 KiB, refuses one a byte larger with 422, and a body over 1 MB with 413', async () => {
    const api = configurationApi(await startDesk());
    const exact = await api.put('admin', '/settings/builder', {
      ...profile,
      logo: { mimeType: 'image/png', base64: base64(pngOfSize(MAX_LOGO_BYTES)) },
    });
    expect(exact.status).toBe(200);
    expect(await exact.json()).toMatchObject({ logo: { size: MAX_LOGO_BYTES } });

    const tooLarge = await api.put('admin', '/settings/builder', {
      ...profile,
      logo: { mimeType: 'image/png', base64: base64(pngOfSize(MAX_LOGO_BYTES + 1)) },
    });
    expect(await tooLarge.json()).toMatchObject({
      status: 422,
      code: 'logo_too_large',
      field: 'logo',
      maxBytes: MAX_LOGO_BYTES,
    });

    const huge = await api.put('admin', '/settings/builder', {
      ...profile,
      logo: { mimeType: 'image/png', base64: base64(pngOfSize(800 * 1024)) },
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: 'payload_too_large' });
  });
});
