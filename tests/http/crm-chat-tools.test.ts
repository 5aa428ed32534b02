import { describe, expect, it } from 'vitest';
import { textOf } from '../../adapters/whatsapp/fake/sent-message.ts';
import { RefreshTemplates } from '../../application/use-cases/refresh-templates.ts';
import { DAY_MS } from '../../domain/shared/time.ts';
import { asId, type QuoteId } from '../../domain/shared/ids.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { anOggOpus } from '../builders/media-fixtures.ts';
import { chatToolsRouter } from '../support/chat-tools-routes.ts';
import { startDesk } from '../support/desk-harness.ts';

const PHONE = '+573007770002';
const PDF = new TextEncoder().encode('%PDF-1.4\n% brochure\n%%EOF\n');

const deskOverHttp = async (overrides: Parameters<typeof chatToolsRouter>[1] = {}) => {
  const desk = await startDesk();
  const { person, lead } = await registerThroughBot(desk, PHONE, 'Lucía Rojas');
  await desk.idle();
  const advisor = lead.advisorId ?? 'u-ana';
  const other = ['u-ana', 'u-carlos', 'u-valentina'].find((u) => u !== advisor) ?? 'u-ana';
  return { desk, person, lead, advisor, other, ...chatToolsRouter(desk, overrides) };
};

type QuoteJson = {
  id: string;
  number: string;
  version: number;
  reference: string;
  superseded: boolean;
  unitId: string;
  pdfMediaId: string;
  price: { formatted: string };
};

const withVisitAndQuote = async () => {
  const ctx = await deskOverHttp();
  const visit = (await (
    await ctx.as('admin').post(`/leads/${ctx.lead.id}/visits`, { projectId: 'p-bog-1' })
  ).json()) as { id: string };
  const created = await ctx.as(ctx.advisor).post(`/visits/${visit.id}/quotes`, { unitId: 'p-bog-1-t1-u2' });
  return { ...ctx, visitId: visit.id, created, quote: (await created.clone().json()) as QuoteJson };
};

describe('CRM chat tools over HTTP: media', () => {
  it('uploads a PDF, sends it as a document, and it reaches WhatsApp', async () => {
    const { desk, as, lead, advisor } = await deskOverHttp();

    const uploaded = await as(advisor).upload(new File([PDF], 'brochure.pdf', { type: 'application/pdf' }));
    const media = (await uploaded.json()) as { id: string };
    const sent = await as(advisor).post(`/leads/${lead.id}/messages`, {
      kind: 'media',
      mediaKind: 'document',
      mediaId: media.id,
      mimeType: 'application/pdf',
      filename: 'brochure.pdf',
    });
    await desk.idle();

    expect(uploaded.status).toBe(201);
    expect(media).toEqual({
      id: expect.any(String),
      mimeType: 'application/pdf',
      filename: 'brochure.pdf',
      size: PDF.length,
    });
    expect(sent.status).toBe(202);
    expect(desk.whatsapp.sentTo(PHONE).at(-1)?.content).toMatchObject({
      kind: 'media',
      mediaKind: 'document',
      mediaId: media.id,
      filename: 'brochure.pdf',
    });
  });

  it('refuses a WebM voice note, saying to record audio/ogg', async () => {
    const { as } = await deskOverHttp();
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);

    const refused = await as('u-ana').upload(new File([webm], 'nota.webm', { type: 'audio/webm;codecs=opus' }));
    const disguised = await as('u-ana').upload(new File([webm], 'nota.ogg', { type: 'audio/ogg' }));
    const exe = await as('u-ana').upload(new File([PDF], 'x.exe', { type: 'application/x-msdownload' }));

    expect(refused.status).toBe(415);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({
      code: 'voice_note_must_be_ogg',
      detail: expect.stringContaining('audio/ogg'),
    });
    expect(await disguised.json()).toMatchObject({ status: 415, code: 'voice_note_must_be_ogg' });
    expect(await exe.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });

  it('accepts an OGG voice note and refuses a form without a file', async () => {
    const { as } = await deskOverHttp();
    const ogg = anOggOpus();

    const voice = await as('u-ana').upload(new File([ogg], 'voz.ogg', { type: 'audio/ogg; codecs=opus' }));
    const empty = await as('u-ana').send('/media', { method: 'POST', body: new FormData() });

    expect(voice.status).toBe(201);
    expect(await voice.json()).toMatchObject({ mimeType: 'audio/ogg', size: ogg.length });
    expect(empty.status).toBe(422);
  });

  it('downloads the same bytes with their type and name; 404 for an unknown id', async () => {
    const { as } = await deskOverHttp();
    const { id } = (await (
      await as('u-ana').upload(new File([PDF], 'Cotización 1.pdf', { type: 'application/pdf' }))
    ).json()) as { id: string };

    const res = await as('u-ana').get(`/media/${id}`);
    const missing = await as('u-ana').get('/media/nope');

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    // A PDF is on the short list a browser may show in place (tests/http/file-responses.test.ts has the rest).
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Cotizaci_n 1.pdf"; filename*=UTF-8''Cotizaci%C3%B3n%201.pdf`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'media_not_found' });
  });

  it("lets an advisor download their own uploads and their leads' files, never another advisor's", async () => {
    const { desk, as, lead, advisor, other } = await deskOverHttp();
    const { id } = (await (
      await as(advisor).upload(new File([PDF], 'brochure.pdf', { type: 'application/pdf' }))
    ).json()) as { id: string };
    const fresh = await as(other).get(`/media/${id}`);
    await as(advisor).post(`/leads/${lead.id}/messages`, {
      kind: 'media',
      mediaKind: 'document',
      mediaId: id,
      mimeType: 'application/pdf',
    });
    await desk.idle();

    expect(fresh.status).toBe(404);
    expect((await as(advisor).get(`/media/${id}`)).status).toBe(200);
    expect((await as('u-jorge').get(`/media/${id}`)).status).toBe(200);
    const refused = await as(other).get(`/media/${id}`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'media_not_found' });
  });

  it("keeps a quote PDF from advisors who do not see the quote's lead", async () => {
    const { as, advisor, other, quote } = await withVisitAndQuote();

    expect((await as(advisor).get(`/media/${quote.pdfMediaId}`)).status).toBe(200);
    expect((await as(other).get(`/media/${quote.pdfMediaId}`)).status).toBe(404);
    expect((await as('admin').get(`/media/${quote.pdfMediaId}`)).status).toBe(200);
  });
});

describe('CRM chat tools over HTTP: quotes of a visit', () => {
  it('creates a quote for a unit of the visit’s project with its PDF, listed under the visit', async () => {
    const { desk, as, advisor, visitId, created, quote } = await withVisitAndQuote();
    const second = await as('u-jorge').post(`/visits/${visitId}/quotes`, { unitTypeId: 'p-bog-1-t2' });

    const listed = (await (await as(advisor).get(`/visits/${visitId}/quotes`)).json()) as { items: QuoteJson[] };
    const pdf = await desk.media.get(quote.pdfMediaId as never);

    expect(created.status).toBe(201);
    expect(quote).toMatchObject({
      number: 'COT-000001',
      unitId: 'p-bog-1-t1-u2',
      visitId,
      price: { formatted: expect.stringMatching(/^\$ [\d.]+$/) },
    });
    expect(second.status).toBe(201);
    expect(new TextDecoder().decode(pdf?.bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', filename: 'COT-000001.pdf' });
    expect(listed.items.map((q) => q.number)).toEqual(['COT-000002', 'COT-000001']);
  });

  it('refuses a unit of another project, an unknown unit, and another advisor’s visit', async () => {
    const { as, other, visitId } = await withVisitAndQuote();

    expect(
      await (await as('admin').post(`/visits/${visitId}/quotes`, { unitId: 'p-med-1-t1-u1' })).json(),
    ).toMatchObject({ status: 404, code: 'unit_type_not_found' });
    expect(await (await as('admin').post(`/visits/${visitId}/quotes`, { unitId: 'nope' })).json()).toMatchObject({
      status: 404,
      code: 'unit_not_found',
    });
    expect((await as('admin').post(`/visits/${visitId}/quotes`, {})).status).toBe(422);
    expect(await (await as(other).get(`/visits/${visitId}/quotes`)).json()).toMatchObject({
      status: 404,
      code: 'visit_not_found',
    });
  });

  it('answers 409 not_enough_time_for_down_payment when fewer instalments fit before the cut-off than the plan asks', async () => {
    const { desk, as, lead } = await deskOverHttp();
    // Delivered on 31/05/2027, paid 3 months before: from 24/11/2026, instalments on the 24th of December to February.
    await desk.read(async (repos) => {
      const catalog = await repos.catalog.all();
      const projects = catalog.projects.map((p) =>
        p.id === 'p-bog-1'
          ? { ...p, paymentPlan: { ...p.paymentPlan, deliveryDate: '2027-05-31', minimumInstalments: 6 } }
          : p,
      );
      await repos.catalog.upsert({ ...catalog, projects });
    });
    const visit = (await (await as('admin').post(`/leads/${lead.id}/visits`, { projectId: 'p-bog-1' })).json()) as {
      id: string;
    };

    const res = await as('admin').post(`/visits/${visit.id}/quotes`, { unitTypeId: 'p-bog-1-t1' });

    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      code: 'not_enough_time_for_down_payment',
      cutOffDate: '2027-02-28',
      instalmentsThatFit: 3,
      minimumInstalments: 6,
    });
    expect(await (await as('admin').get(`/visits/${visit.id}/quotes`)).json()).toEqual({ items: [] });
  });

  it('answers a quote with its dated schedule: separation, monthly instalments to the cut-off, deed on delivery', async () => {
    const { quote } = await withVisitAndQuote();
    const { schedule, deliveryDate, downPaymentCutOff } = quote as unknown as {
      schedule: { kind: string; number: number | null; dueDate: string | null; amount: { amount: number } }[];
      deliveryDate: string;
      downPaymentCutOff: string;
    };

    expect([deliveryDate, downPaymentCutOff]).toEqual(['2028-06-30', '2028-03-30']);
    expect(schedule[0]).toMatchObject({ kind: 'separation', number: null, dueDate: '2026-11-24' });
    const monthly = schedule.filter((e) => e.kind === 'monthly');
    // 24/12/2026 to 24/03/2028: 16 months.
    expect(monthly).toHaveLength(16);
    expect([monthly[0]?.dueDate, monthly.at(-1)?.dueDate]).toEqual(['2026-12-24', '2028-03-24']);
    expect(schedule.at(-1)).toMatchObject({ kind: 'deed', dueDate: '2028-06-30' });
  });

  it('answers 409 for a CRM lead who never wrote (no conversation)', async () => {
    const { as } = await deskOverHttp();
    const lead = (await (await as('u-ana').post('/leads', { name: 'Rosa', phone: '300 123 4567' })).json()) as {
      id: string;
    };
    const visit = (await (await as('u-ana').post(`/leads/${lead.id}/visits`, { projectId: 'p-bog-1' })).json()) as {
      id: string;
    };

    const res = await as('u-ana').post(`/visits/${visit.id}/quotes`, { unitTypeId: 'p-bog-1-t1' });

    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'lead_has_no_conversation' });
  });

  it('queues neither the summary nor the PDF when the PDF cannot go out: one transaction, never half a quote', async () => {
    const { desk, as, advisor, quote } = await withVisitAndQuote();
    // The stored PDF's bytes turn out not to be a PDF: the document would be refused after the text was queued.
    const record = await desk.read((r) => r.quotes.byId(asId<QuoteId>(quote.id)));
    const original = record?.pdfMediaId == null ? null : await desk.media.get(record.pdfMediaId);
    if (record === null || original === null) throw new Error('the quote has a stored PDF');
    const notPdf = await desk.media.put({
      bytes: new TextEncoder().encode('esto no es un PDF'),
      mimeType: 'application/pdf',
      filename: `${quote.number}.pdf`,
      owner: original.owner,
    });
    await desk.read((r) => r.quotes.save({ ...record, pdfMediaId: notPdf }));
    const before = desk.whatsapp.sentTo(PHONE).length;

    const sent = await as(advisor).post(`/quotes/${quote.id}/send`, {});
    await desk.idle();

    expect(sent.status).toBe(415);
    expect(desk.whatsapp.sentTo(PHONE)).toHaveLength(before);
  });

  it('sends a quote inside the window: the summary text and the PDF reach WhatsApp', async () => {
    const { desk, as, advisor, quote, outboxWakes } = await withVisitAndQuote();

    const sent = await as(advisor).post(`/quotes/${quote.id}/send`, {});
    await desk.idle();
    const [text, document] = desk.whatsapp.sentTo(PHONE).slice(-2);

    expect(sent.status).toBe(202);
    expect(await sent.json()).toMatchObject({ messages: [{ status: 'queued' }, { status: 'queued' }] });
    // Queuing woke the senders, not the route: once, for the one transaction that queued both.
    expect(outboxWakes()).toBe(1);
    expect(textOf(text?.content ?? { kind: 'text', body: '' })).toContain('COT-000001');
    expect(document?.content).toEqual({
      kind: 'media',
      mediaKind: 'document',
      mediaId: quote.pdfMediaId,
      mimeType: 'application/pdf',
      filename: 'COT-000001.pdf',
    });
  });

  it('re-quoting a unit issues version 2; GET /quotes/{id} reads either version, only the newest is sent', async () => {
    const { as, advisor, other, visitId, quote } = await withVisitAndQuote();

    const again = await as(advisor).post(`/visits/${visitId}/quotes`, { unitId: 'p-bog-1-t1-u2' });
    const second = (await again.json()) as QuoteJson;
    const old = await as(advisor).get(`/quotes/${quote.id}`);
    const listed = (await (await as(advisor).get(`/visits/${visitId}/quotes`)).json()) as { items: QuoteJson[] };

    expect(again.status).toBe(201);
    expect(second).toMatchObject({ number: 'COT-000001', version: 2, reference: 'COT-000001-2', superseded: false });
    expect(old.status).toBe(200);
    expect(await old.json()).toMatchObject({ id: quote.id, version: 1, reference: 'COT-000001', superseded: true });
    expect(listed.items.map((q) => [q.reference, q.superseded])).toEqual([
      ['COT-000001-2', false],
      ['COT-000001', true],
    ]);
    expect(await (await as(advisor).post(`/quotes/${quote.id}/send`, {})).json()).toMatchObject({
      status: 409,
      code: 'quote_superseded',
      latestQuoteId: second.id,
      latestVersion: 2,
    });
    expect((await as(advisor).post(`/quotes/${second.id}/send`, {})).status).toBe(202);
    expect(await (await as(other).get(`/quotes/${quote.id}`)).json()).toMatchObject({
      status: 404,
      code: 'quote_not_found',
    });
  });

  it('refuses to send a quote after 24 h (window_closed) and hides it from other advisors', async () => {
    const { desk, as, advisor, other, quote } = await withVisitAndQuote();
    const before = desk.whatsapp.sentTo(PHONE).length;

    expect(await (await as(other).post(`/quotes/${quote.id}/send`, {})).json()).toMatchObject({
      status: 404,
      code: 'quote_not_found',
    });
    desk.clock.advance(DAY_MS);
    const late = await as(advisor).post(`/quotes/${quote.id}/send`, {});
    await desk.idle();

    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      code: 'window_closed',
      detail: expect.stringContaining('plantilla aprobada'),
    });
    expect(desk.whatsapp.sentTo(PHONE)).toHaveLength(before);
  });
});

describe('CRM chat tools over HTTP: templates', () => {
  it('lists only approved templates, with body and parameter count', async () => {
    const { as } = await deskOverHttp();

    const body = (await (await as('u-ana').get('/templates')).json()) as {
      items: { name: string; parameterCount: number }[];
    };

    expect(body.items.map((t) => t.name)).toEqual(['bienvenida', 'recordatorio_cita']);
    expect(body.items[0]).toMatchObject({
      language: 'es_CO',
      parameterCount: 2,
      body: expect.stringContaining('{{1}}'),
    });
  });

  it('lets managers sync, refuses advisors (403), and reports Meta being down as 502', async () => {
    const { as } = await deskOverHttp();
    const down = await deskOverHttp({
      refreshTemplates: new RefreshTemplates({ execute: () => Promise.reject(new Error('ECONNRESET')) }),
    });

    const advisor = await as('u-ana').post('/templates/sync', {});
    const manager = await as('u-jorge').post('/templates/sync', {});
    const failed = await down.as('admin').post('/templates/sync', {});

    expect(advisor.status).toBe(403);
    expect(manager.status).toBe(200);
    expect(await manager.json()).toEqual({ fetched: 3, approved: 2 });
    expect(failed.status).toBe(502);
    expect(await failed.json()).toMatchObject({ code: 'template_sync_failed' });
  });
});
