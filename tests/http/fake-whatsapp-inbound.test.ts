import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { startDesk } from '../support/desk-harness.ts';

const post = (app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, body: unknown) =>
  app.request('/fake-whatsapp/inbound', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /fake-whatsapp/inbound', () => {
  it('stores the message like a webhook, then the workers answer it', async () => {
    const desk = await startDesk();
    const app = desk.container.get(TOKENS.HttpApp);

    const response = await post(app, { from: '+573004445566', name: 'Lucía', text: 'Hola' });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ stored: true, waMessageId: expect.any(String) });

    await desk.idle();
    expect(desk.whatsapp.lead('+573004445566').lastText()).toContain('correo electrónico');
  });

  it('stores a redelivered message once', async () => {
    const desk = await startDesk();
    const app = desk.container.get(TOKENS.HttpApp);
    await post(app, { from: '+573004445566', text: 'Hola', waMessageId: 'wamid.same' });

    const again = await post(app, { from: '+573004445566', text: 'Hola', waMessageId: 'wamid.same' });

    expect(await again.json()).toEqual({ stored: false, waMessageId: 'wamid.same' });
    await desk.idle();
    const welcomeAndQuestion = 2;
    expect(desk.whatsapp.sentTo('+573004445566')).toHaveLength(welcomeAndQuestion);
  });

  it.each([
    [{ from: '3001234567', text: 'Hola' }],
    [{ from: '+573001234567' }],
    [{ from: '+573001234567', text: 'Hola', choice: { id: 'x', title: 'y' } }],
  ])('refuses %j with a validation problem and stores nothing', async (body) => {
    const desk = await startDesk();
    const response = await post(desk.container.get(TOKENS.HttpApp), body);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'validation_failed' });
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
  });
});
