import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { startDesk } from '../support/desk-harness.ts';
import { leadRouter } from '../support/lead-desk-routes.ts';

const AD = {
  sourceType: 'ad',
  sourceId: '120210000000000',
  sourceUrl: 'https://fb.me/3cr4Wqqkh',
  headline: 'Apartamentos en Medellín',
  ctwaClid: 'ARAkLkA8rmlFeiCk',
};

describe("a lead's origin", () => {
  it('records the ad a lead tapped and their first words, and shows them on the lead once registered', async () => {
    const desk = await startDesk();
    const { app, as } = leadRouter(desk);
    const words = `Hola, vi el anuncio. ${'Quiero saber precios y formas de pago. '.repeat(12)}`;

    const sent = await app.request('/fake-whatsapp/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+573004445566', name: 'Lucía', text: words, referral: AD }),
    });
    expect(sent.status).toBe(202);
    await desk.idle();
    const lucia = desk.whatsapp.lead('+573004445566', 'Lucía');
    await lucia.say('lucia@correo.com');
    await lucia.say('Hola otra vez');
    await lucia.tap('Acepto');
    await lucia.say('asesor');

    const lead = await desk.read((r) => r.leads.byIdentity({ phone: lucia.phone, userId: null }));
    const shown = (await (await as('admin').get(`/leads/${lead?.id}`)).json()) as { origin: unknown };
    const origin = shown.origin as { firstMessage: { text: string } };
    expect(shown.origin).toEqual({
      channel: 'whatsapp',
      referral: { ...AD, body: null, mediaType: null },
      firstMessage: {
        text: expect.stringMatching(/^Hola, vi el anuncio\. Quiero saber precios.*…$/),
        at: expect.any(String),
      },
    });
    expect(Array.from(origin.firstMessage.text)).toHaveLength(280);
    const listed = (await (await as('admin').get('/leads')).json()) as { items: { origin: unknown }[] };
    expect(listed.items[0]?.origin).toEqual(shown.origin);
  });

  it('records a lead who wrote without an ad with no referral', async () => {
    const desk = await startDesk();
    const pedro = desk.whatsapp.lead('+573007770001', 'Pedro');
    await pedro.say('Buenas tardes');
    await pedro.say('pedro@correo.com');
    await pedro.tap('Acepto');
    await pedro.say('asesor');

    const lead = await desk.read((r) => r.leads.byIdentity({ phone: pedro.phone, userId: null }));
    expect(lead?.origin).toEqual({
      channel: 'whatsapp',
      referral: null,
      text: 'Buenas tardes',
      at: expect.any(Number),
    });
  });

  it('records the source a CRM user gives, and who typed the lead in', async () => {
    const desk = await startDesk();
    const { as } = leadRouter(desk);

    const walkIn = await as('u-ana').post('/leads', {
      name: 'Rosa Mejía',
      phone: '300 123 4567',
      source: 'walk_in',
      sourceNote: '  Vino a la sala de ventas  ',
    });
    const plain = await as('admin').post('/leads', { name: 'Luis', phone: '300 765 4321' });

    expect(await walkIn.json()).toMatchObject({
      origin: { channel: 'crm', source: 'walk_in', createdBy: 'u-ana', note: 'Vino a la sala de ventas' },
    });
    expect(await plain.json()).toMatchObject({
      origin: { channel: 'crm', source: 'other', createdBy: 'bootstrap-admin', note: null },
    });
    expect((await as('u-ana').post('/leads', { name: 'X', phone: '3001112222', source: 'tv' })).status).toBe(422);
  });

  it('lets QA play an ad click on the fake WhatsApp, which refuses a referral of an unknown kind', async () => {
    const desk = await startDesk();
    const app = desk.container.get(TOKENS.HttpApp);
    const post = (referral: unknown) =>
      app.request('/fake-whatsapp/inbound', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+573004445567', text: 'Hola', referral }),
      });

    expect((await post({ sourceType: 'billboard' })).status).toBe(422);
    expect((await post({})).status).toBe(202);
    await desk.idle();
    const [line] = await desk.read((r) => r.lines.list());
    const conversation = await desk.read((r) =>
      r.conversations.byIdentity(line?.id as never, { phone: '+573004445567' as never, userId: null }),
    );
    expect(conversation?.origin?.referral).toMatchObject({ sourceType: 'ad', sourceId: null });
  });
});
