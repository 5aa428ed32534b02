import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { DAY_MS } from '../../domain/shared/time.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';

const ADMIN = 'admin-key-for-tests-0123456789abcdef0123';

/** The chat panel as the CRM drives it: the real app, authenticated, on the assembled desk. */
describe('the CRM API, assembled', () => {
  it('lists a bot-registered lead with its open window, sends text, then only a template after 24 h', async () => {
    const desk = await startDesk(T0, null, { CRM_ADMIN_API_KEY: ADMIN });
    const app = desk.container.get(TOKENS.HttpApp);
    const call = (method: string, path: string, body?: unknown) =>
      app.request(`/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const settle = async () => {
      await desk.idle();
    };
    const { person, lead } = await registerThroughBot(desk, '+573005550101', 'Pedro Díaz');

    expect((await app.request('/api/v1/leads')).status).toBe(401);
    const list = await call('GET', '/leads');
    expect(list.status).toBe(200);
    expect(JSON.stringify(await list.json())).toContain(lead.id);

    const text = await call('POST', `/leads/${lead.id}/messages`, { kind: 'text', body: 'Hola Pedro, soy Ana 👋' });
    expect(text.status).toBe(202);
    await settle();
    expect(desk.whatsapp.sentTo(person.phone).at(-1)?.content).toEqual({
      kind: 'text',
      body: 'Hola Pedro, soy Ana 👋',
    });

    desk.clock.advance(DAY_MS);
    const refused = await call('POST', `/leads/${lead.id}/messages`, { kind: 'text', body: '¿Seguimos?' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'window_closed' });

    const template = await call('POST', `/leads/${lead.id}/messages`, {
      kind: 'template',
      name: 'bienvenida',
      language: 'es_CO',
      parameters: ['Pedro', 'Ana'],
    });
    expect(template.status).toBe(202);
    await settle();
    expect(desk.whatsapp.sentTo(person.phone).at(-1)?.content).toMatchObject({ kind: 'template', name: 'bienvenida' });

    const conversation = await call('GET', `/leads/${lead.id}/conversation`);
    expect(conversation.status).toBe(200);
    expect(JSON.stringify(await conversation.json())).toContain('¡Hola Pedro! Soy Ana');
  });

  it('documents the lead routes in openapi.json and /docs', async () => {
    const desk = await startDesk(T0, null, { CRM_ADMIN_API_KEY: ADMIN });
    const app = desk.container.get(TOKENS.HttpApp);
    const document = (await (await app.request('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/leads', '/api/v1/leads/{id}/messages', '/api/v1/leads/{id}/conversation']),
    );
    expect(await (await app.request('/docs')).text()).toContain('/api/v1/leads/{id}/conversation');
  });
});
