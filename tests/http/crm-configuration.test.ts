import { describe, expect, it } from 'vitest';
import { startDesk } from '../support/desk-harness.ts';
import { eventually } from '../support/eventually.ts';
import { configurationApi } from '../support/configuration-routes.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';

const project = {
  name: 'Brisas de Bocagrande',
  city: 'Cartagena',
  currency: 'COP',
  description: 'Frente al mar.',
  paymentPlan: {
    separationFee: 5_000_000,
    downPaymentBps: 3000,
    instalments: 24,
    separationCreditedToDownPayment: true,
    mortgage: null,
    quoteValidityDays: 15,
  },
  unitTypes: [{ id: 't-ctg-1', name: 'Apartamento 2 alcobas', propertyType: 'apartment', bedrooms: 2, areaM2: 62 }],
  units: [
    { id: 'u-ctg-1', unitTypeId: 't-ctg-1', code: 'T1-101', areaM2: 62, price: 420_000_000, status: 'available' },
  ],
};

/** Reads the SSE body until `done` says enough, or fails after a while. */
const readUntil = async (
  body: ReadableStream<Uint8Array>,
  done: (text: string) => boolean,
  act: () => Promise<void>,
) => {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = decoder.decode((await reader.read()).value);
  await act();
  const deadline = Date.now() + 2000;
  while (!done(text) && Date.now() < deadline) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += decoder.decode(chunk.value);
  }
  await reader.cancel();
  return text;
};

describe('CRM configuration over HTTP', () => {
  it('lets an admin upsert a project and a manager read it; advisors may not write', async () => {
    const api = configurationApi(await startDesk());

    const put = await api.put('admin', '/projects/p-ctg-1', project);
    const listed = (await (await api.get('u-jorge', '/projects')).json()) as { projects: { id: string }[] };

    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ id: 'p-ctg-1', units: [{ id: 'u-ctg-1', price: 420_000_000 }] });
    expect(listed.projects.map((p) => p.id)).toContain('p-ctg-1');
    expect((await api.put('u-ana', '/projects/p-ctg-1', project)).status).toBe(403);
    expect((await api.get('u-ana', '/projects')).status).toBe(403);
    const stray = { ...project, units: [{ ...project.units[0], unitTypeId: 'nope' }] };
    expect(await (await api.put('admin', '/projects/p-ctg-1', stray)).json()).toMatchObject({
      status: 422,
      code: 'invalid_project',
    });
    expect(
      (
        await api.put('admin', '/projects/p-ctg-1', {
          ...project,
          paymentPlan: { ...project.paymentPlan, instalments: 0 },
        })
      ).status,
    ).toBe(422);
  });

  it('keeps a dated payment plan and refuses impossible dates, months and shares with 422', async () => {
    const api = configurationApi(await startDesk());
    const dated = {
      ...project.paymentPlan,
      deliveryDate: '2028-06-30',
      cutOffMonthsBeforeDelivery: 2,
      minimumInstalments: 6,
      extraordinaryInstalments: { months: [6, 12], shareBps: 2000 },
    };

    const put = await api.put('admin', '/projects/p-ctg-1', { ...project, paymentPlan: dated });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ paymentPlan: dated });
    const plain = await api.put('admin', '/projects/p-ctg-1', project);
    expect(((await plain.json()) as { paymentPlan: object }).paymentPlan).not.toHaveProperty('deliveryDate');

    for (const bad of [
      { deliveryDate: '2028-02-30' },
      { deliveryDate: '30/06/2028' },
      { cutOffMonthsBeforeDelivery: -1 },
      { minimumInstalments: 0 },
      { extraordinaryInstalments: { months: [6, 6], shareBps: 2000 } },
      { extraordinaryInstalments: { months: [13], shareBps: 2000 } },
      { extraordinaryInstalments: { months: [6], shareBps: 10_000 } },
    ]) {
      const res = await api.put('admin', '/projects/p-ctg-1', { ...project, paymentPlan: { ...dated, ...bad } });
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([422, 'validation_failed']);
    }
  });

  it('answers 422 to overlapping price buckets', async () => {
    const api = configurationApi(await startDesk());

    const res = await api.put('admin', '/price-buckets', {
      buckets: [
        { id: 'a', label: 'A', min: 0, max: 100 },
        { id: 'b', label: 'B', min: 50, max: null },
      ],
    });

    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'price_buckets_overlap', bucketIds: ['a', 'b'] });
  });

  it('manages groups, lines, the data policy and bot texts', async () => {
    const api = configurationApi(await startDesk());

    const group = await api.post('admin', '/advisor-groups', { name: 'Norte', advisorIds: ['u-ana', 'u-carlos'] });
    expect(group.status).toBe(201);
    const { id } = (await group.json()) as { id: string };
    expect(
      await (await api.post('admin', '/advisor-groups', { name: 'X', advisorIds: ['u-jorge'] })).json(),
    ).toMatchObject({ code: 'not_an_active_advisor' });
    expect((await api.put('admin', '/advisor-groups/g-none', { name: 'X', advisorIds: [] })).status).toBe(404);
    const line = {
      phoneNumberId: '300',
      displayNumber: '+57 2',
      name: 'Norte',
      advisorGroupId: id,
      projectIds: ['p-bog-1'],
    };
    expect((await api.put('admin', '/lines/line-2', line)).status).toBe(200);
    expect(await (await api.put('admin', '/lines/line-3', line)).json()).toMatchObject({
      status: 409,
      code: 'phone_number_id_taken',
    });
    expect((await (await api.get('u-jorge', '/lines')).json()) as unknown).toMatchObject({
      lines: [
        { id: 'line-main', botQuotesForRegistered: false },
        { id: 'line-2', botQuotesForRegistered: false },
      ],
    });
    // The bot may quote registered leads again ("cotizar otro") on a line that says so.
    const quoting = await api.put('admin', '/lines/line-2', { ...line, botQuotesForRegistered: true });
    expect(await quoting.json()).toMatchObject({ id: 'line-2', botQuotesForRegistered: true });
    expect((await api.put('admin', '/lines/line-2', { ...line, botQuotesForRegistered: 'sí' })).status).toBe(422);

    const policy = { version: '2026-12', url: 'https://example.co/datos', summary: 'Tratamos tus datos con cuidado.' };
    expect((await api.put('admin', '/settings/data-policy', policy)).status).toBe(200);
    expect(await (await api.get('u-jorge', '/settings/data-policy')).json()).toEqual(policy);

    expect((await api.put('admin', '/settings/bot-texts', { welcome: '¡Bienvenido!' })).status).toBe(200);
    expect((await api.put('admin', '/settings/bot-texts', { welcom: 'x' })).status).toBe(422);
    expect(await (await api.get('admin', '/settings/bot-texts')).json()).toMatchObject({
      welcome: '¡Bienvenido!',
      askEmail: expect.any(String),
    });
  });
});

describe('GET /events', () => {
  it('streams a lead’s message to a manager, and unsubscribes on disconnect', async () => {
    const desk = await startDesk();
    const api = configurationApi(desk);

    const res = await api.get('u-jorge', '/events');
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await readUntil(
      res.body!,
      (t) => t.includes('event: message_received'),
      async () => {
        await desk.whatsapp.lead('+573001110001', 'Ana María').say('Hola');
      },
    );

    expect(text).toMatch(/event: message_received\ndata: \{.*"leadId":null.*\}\nid: \d+/);
    await eventually(() => expect(api.subscribers()).toBe(0));
  });

  it('sends an advisor only events about their own leads, and heartbeats', async () => {
    const desk = await startDesk();
    const api = configurationApi(desk);
    const { person, lead } = await registerThroughBot(desk, '+573007770003', 'Pedro');
    const owner = lead.advisorId ?? 'u-ana';
    const other = ['u-ana', 'u-carlos', 'u-valentina'].find((u) => u !== owner)!;

    const [mine, theirs] = [await api.get(owner, '/events'), await api.get(other, '/events')];
    const write = async () => {
      await desk.whatsapp.lead('+573001110002', 'Anónimo').say('Hola');
      await person.say('¿Sigue disponible?');
    };
    const ownerText = await readUntil(mine.body!, (t) => t.includes('event: message_received'), write);
    const otherText = await readUntil(
      theirs.body!,
      (t) => t.includes(': heartbeat'),
      async () => {},
    );

    expect(ownerText).toContain(`"leadId":"${lead.id}"`);
    expect(ownerText).not.toContain('"leadId":null');
    expect(otherText).toContain(': heartbeat');
    expect(otherText).not.toContain('event:');
  });
});
