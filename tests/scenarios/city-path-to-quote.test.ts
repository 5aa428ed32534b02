import { describe, expect, it } from 'vitest';
import type { FakeLead } from '../../adapters/whatsapp/fake/fake-lead.ts';
import { asId, type LineId, type MediaId } from '../../domain/shared/ids.ts';
import { toMiradorOutcomeChoice } from '../builders/desk-leads.ts';
import { type Desk, startDesk } from '../support/desk-harness.ts';

const line = asId<LineId>('line-main');

const quotesOf = async (desk: Desk, camila: FakeLead) => {
  const conversation = await desk.read((r) => r.conversations.byIdentity(line, { phone: camila.phone, userId: null }));
  return desk.read((r) => r.quotes.byConversation(conversation?.id ?? asId('none')));
};

describe('a lead searching by city gets a simulated quote, then an advisor', () => {
  it('sends the quote as text and as a PDF, then offers an advisor; the lead is registered and the quote filed under their visit', async () => {
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573002220001');
    const before = camila.inbox().length;

    await camila.tap('Simular cotización');

    const [summary, pdf, offer, ...rest] = camila
      .inbox()
      .slice(before)
      .map((m) => m.content);
    expect(rest).toEqual([]);
    expect(summary).toMatchObject({ kind: 'text', body: expect.stringContaining('$ 590.000.000') });
    expect(summary).toMatchObject({ body: expect.stringContaining('COT-000001') });
    expect(pdf).toMatchObject({
      kind: 'media',
      mediaKind: 'document',
      mimeType: 'application/pdf',
      filename: 'COT-000001.pdf',
    });
    const file = await desk.media.get(pdf?.kind === 'media' ? pdf.mediaId : asId<MediaId>('none'));
    expect(new TextDecoder().decode(file?.bytes.slice(0, 5))).toBe('%PDF-');
    expect(offer).toMatchObject({
      kind: 'buttons',
      buttons: expect.arrayContaining([expect.objectContaining({ title: 'Hablar con un asesor' })]),
    });

    // Registered when they consented, assigned when they quoted (the line's default), the visit opened at the project.
    const leads = await desk.read((r) => r.leads.list());
    expect(leads).toMatchObject([{ phone: camila.phone, email: expect.stringContaining('@'), advisorId: 'u-ana' }]);
    expect(leads[0]?.consent).toMatchObject({ policyTextHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const visits = await desk.read((r) => r.visits.byLead(leads[0]?.id ?? asId('none')));
    expect(visits).toMatchObject([{ projectId: 'p-med-1', unitTypeId: 'p-med-1-t2' }]);
    expect(await quotesOf(desk, camila)).toMatchObject([
      {
        visitId: visits[0]?.id,
        pdfMediaId: pdf?.kind === 'media' ? pdf.mediaId : null,
        quote: { number: 'COT-000001', projectId: 'p-med-1', unitTypeId: 'p-med-1-t2', price: { amount: 590_000_000 } },
      },
    ]);
  });

  it('says kindly when the project is too close to delivery to pay the down payment in instalments', async () => {
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573002220009');
    // Delivered on 31/01/2027: the down payment is due by 31/10/2026, before today (24/11/2026).
    await desk.read(async (repos) => {
      const catalog = await repos.catalog.all();
      const projects = catalog.projects.map((p) =>
        p.id === 'p-med-1' ? { ...p, paymentPlan: { ...p.paymentPlan, deliveryDate: '2027-01-31' } } : p,
      );
      await repos.catalog.upsert({ ...catalog, projects });
    });
    const before = camila.inbox().length;

    await camila.tap('Simular cotización');

    const [reply, offer, ...rest] = camila
      .inbox()
      .slice(before)
      .map((m) => m.content);
    expect(rest).toEqual([]);
    expect(reply).toEqual({
      kind: 'text',
      body:
        'Este proyecto ya está muy cerca de la entrega 🏗️ y la cuota inicial debe quedar pagada a más tardar el ' +
        '31/10/2026, así que no alcanzo a simularte un plan de cuotas mensuales. Un asesor puede contarte las ' +
        'opciones de pago que sí tenemos para ti: escribe *asesor* o elige la opción de abajo.',
    });
    expect(offer).toMatchObject({
      kind: 'buttons',
      buttons: expect.arrayContaining([expect.objectContaining({ title: 'Hablar con un asesor' })]),
    });
    expect(await quotesOf(desk, camila)).toEqual([]);
  });

  it('files the quote under the visit opened when the lead then asks for an advisor', async () => {
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573002220002');
    await camila.tap('Simular cotización');

    await camila.tap('Hablar con un asesor');

    expect(camila.lastText()).toContain('será tu asesor(a)');
    const leads = await desk.read((r) => r.leads.list());
    expect(leads).toMatchObject([{ phone: '+573002220002', email: 'camila.restrepo@correo.com', advisorId: 'u-ana' }]);
    const visits = await desk.read((r) => r.visits.byLead(leads[0]?.id ?? asId('none')));
    expect(visits).toMatchObject([{ projectId: 'p-med-1', unitTypeId: 'p-med-1-t2', criteria: { city: 'Medellín' } }]);
    expect(await quotesOf(desk, camila)).toMatchObject([{ visitId: visits[0]?.id, quote: { number: 'COT-000001' } }]);
  });

  it('files the quote the same way when the lead types "asesor" instead of tapping', async () => {
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573002220003');
    await camila.tap('Simular cotización');

    await camila.say('asesor');

    const visits = await desk.read(async (r) => r.visits.byLead((await r.leads.list())[0]?.id ?? asId('none')));
    expect(visits).toMatchObject([{ projectId: 'p-med-1' }]);
    expect(await quotesOf(desk, camila)).toMatchObject([{ visitId: visits[0]?.id }]);
  });

  it('numbers quotes in one unbroken sequence across leads', async () => {
    const desk = await startDesk();
    const first = await toMiradorOutcomeChoice(desk, '+573002220004');
    const second = await toMiradorOutcomeChoice(desk, '+573002220005');

    await first.tap('Simular cotización');
    await second.tap('Simular cotización');

    expect((await quotesOf(desk, first)).map((q) => q.quote.number)).toEqual(['COT-000001']);
    expect((await quotesOf(desk, second)).map((q) => q.quote.number)).toEqual(['COT-000002']);
  });

  it('files a quote for an earlier project once the lead registers after a new search', async () => {
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573002220006');
    await camila.tap('Simular cotización');
    await camila.tap('Nueva búsqueda');
    await camila.tap('Ciudad');
    await camila.say('bogota');
    await camila.tap('Torres de Salitre');
    await camila.tap('Apartamento 2 alcobas');

    await camila.tap('Hablar con un asesor');

    const [quote] = await quotesOf(desk, camila);
    expect(quote?.quote.projectId).toBe('p-med-1');
    expect(quote?.visitId).not.toBeNull();
  });
});
