import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/shared/time.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk } from '../support/desk-harness.ts';
import { leadRouter } from '../support/lead-desk-routes.ts';

const deskOverHttp = async () => {
  const desk = await startDesk();
  const { person, lead } = await registerThroughBot(desk, '+573007770001', 'Pedro Díaz');
  await desk.idle();
  const advisor = lead.advisorId ?? 'u-ana';
  const other = ['u-ana', 'u-carlos', 'u-valentina'].find((u) => u !== advisor) ?? 'u-ana';
  return { desk, person, lead, advisor, other, ...leadRouter(desk) };
};

describe('CRM leads over HTTP', () => {
  it('lists leads with WhatsApp and an open window', async () => {
    const { as, lead } = await deskOverHttp();

    const res = await as('u-jorge').get('/leads?q=pedro');

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        expect.objectContaining({
          id: lead.id,
          phone: '+573007770001',
          hasWhatsApp: true,
          window: { open: true, closesAt: '2026-11-25T15:00:00.000Z' },
        }),
      ],
      nextCursor: null,
    });
  });

  it('answers 404 to an advisor asking for another advisor’s lead', async () => {
    const { as, lead, advisor, other } = await deskOverHttp();

    const hidden = await as(other).get(`/leads/${lead.id}`);

    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toContain('application/problem+json');
    expect(await hidden.json()).toMatchObject({ code: 'lead_not_found' });
    expect((await as(advisor).get(`/leads/${lead.id}`)).status).toBe(200);
    expect((await as(other).post(`/leads/${lead.id}/messages`, { kind: 'text', body: 'Hola' })).status).toBe(404);
  });

  it('creates a lead from a phone typed the Colombian way, once', async () => {
    const { as } = await deskOverHttp();

    const created = await as('u-ana').post('/leads', {
      name: 'Rosa Mejía',
      phone: '300 123 4567',
      email: 'rosa@correo.com',
    });
    const again = await as('u-jorge').post('/leads', { name: 'Rosa', phone: '+57 300-123-4567' });
    const body = (await created.json()) as { id: string };

    expect(created.status).toBe(201);
    expect(body).toMatchObject({
      phone: '+573001234567',
      advisorId: 'u-ana',
      source: 'crm',
      hasWhatsApp: true,
      window: { open: false },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'lead_already_exists', leadId: body.id });
    expect((await as('u-ana').post('/leads', { name: 'X', phone: '12' })).status).toBe(422);
  });

  it('opens and lists visits', async () => {
    const { as, lead } = await deskOverHttp();

    const opened = await as('admin').post(`/leads/${lead.id}/visits`, { projectId: 'p-bog-1' });
    const twice = await as('admin').post(`/leads/${lead.id}/visits`, { projectId: 'p-bog-1' });
    const listed = await as('admin').get(`/leads/${lead.id}/visits`);

    expect(opened.status).toBe(201);
    expect(twice.status).toBe(409);
    // The lead asked for an advisor before choosing a project: their general visit ("sin proyecto") is there too.
    const { items } = (await listed.json()) as { items: { projectId: string | null; stage: string }[] };
    expect(items.map((v) => [v.projectId, v.stage]).sort()).toEqual([
      [null, 'new'],
      ['p-bog-1', 'new'],
    ]);
  });

  it('shows the bot conversation with statuses and the window', async () => {
    const { as, lead } = await deskOverHttp();

    const res = await as('admin').get(`/leads/${lead.id}/conversation?limit=200`);
    const body = (await res.json()) as {
      messages: { direction: string; status: string | null; author: { kind: string } }[];
      window: unknown;
    };

    expect(res.status).toBe(200);
    expect(body.window).toEqual({ open: true, closesAt: '2026-11-25T15:00:00.000Z' });
    expect(body.messages[0]).toMatchObject({
      direction: 'inbound',
      status: null,
      author: { kind: 'lead' },
      position: 0,
    });
    expect(
      body.messages
        .filter((m) => m.direction === 'outbound')
        .every((m) => m.status === 'sent' && m.author.kind === 'bot'),
    ).toBe(true);
  });

  it('marks the lead’s latest message read when the advisor opens the chat, for their leads only', async () => {
    const { desk, as, lead, advisor, other, person } = await deskOverHttp();
    const latest = (await person.say('¿Tienen parqueadero?')).waMessageId;

    const hidden = await as(other).post(`/leads/${lead.id}/conversation/read`, {});
    const seen = await as(advisor).post(`/leads/${lead.id}/conversation/read`, {});

    expect(hidden.status).toBe(404);
    expect(seen.status).toBe(200);
    expect(await seen.json()).toEqual({ marked: 1 });
    expect(desk.whatsapp.markedRead).toEqual([latest]);
  });

  it('sends text inside the window; after 24 h only a template', async () => {
    const { desk, as, lead, advisor, outboxWakes } = await deskOverHttp();

    const sent = await as(advisor).post(`/leads/${lead.id}/messages`, { kind: 'text', body: 'Hola Pedro 😊' });
    await desk.idle();
    expect(sent.status).toBe(202);
    expect(await sent.json()).toMatchObject({
      direction: 'outbound',
      status: 'queued',
      text: 'Hola Pedro 😊',
      author: { kind: 'user', userId: advisor },
    });
    expect(outboxWakes()).toBe(1);
    expect(desk.whatsapp.sentTo('+573007770001').at(-1)?.content).toMatchObject({
      kind: 'text',
      body: 'Hola Pedro 😊',
    });

    desk.clock.advance(DAY_MS);
    const blocked = await as(advisor).post(`/leads/${lead.id}/messages`, { kind: 'text', body: 'Sigues ahí?' });
    expect(blocked.status).toBe(409);
    expect(await blocked.json()).toMatchObject({
      code: 'window_closed',
      detail: expect.stringContaining('plantilla aprobada'),
    });

    const template = await as(advisor).post(`/leads/${lead.id}/messages`, {
      kind: 'template',
      name: 'bienvenida',
      language: 'es_CO',
      parameters: ['Pedro', 'Ana'],
    });
    expect(template.status).toBe(202);
    expect(await template.json()).toMatchObject({ text: expect.stringContaining('¡Hola Pedro! Soy Ana') });
    await desk.idle();
    expect(desk.whatsapp.sentTo('+573007770001').at(-1)?.content.kind).toBe('template');
  });

  it('refuses invalid bodies with 422', async () => {
    const { as, lead } = await deskOverHttp();
    const post = (body: unknown) => as('admin').post(`/leads/${lead.id}/messages`, body);

    expect((await post({ kind: 'text', body: '' })).status).toBe(422);
    expect((await post({ kind: 'fax', body: 'x' })).status).toBe(422);
    expect(
      (await post({ kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['solo uno'] })).status,
    ).toBe(422);
    expect(
      await (await post({ kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['uno'] })).json(),
    ).toMatchObject({ code: 'template_parameter_mismatch' });
    expect((await as('admin').get('/leads?limit=0')).status).toBe(422);
  });
});
