import { afterEach, describe, expect, it } from 'vitest';
import { openEphemeralStorage, type Storage } from '../../bootstrap/storage.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { DAY_MS } from '../../domain/shared/time.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';

const ADMIN = 'pglite-admin-key-0123456789abcdef01234';

describe('the CRM API on the embedded database (PGlite, Drizzle adapters)', () => {
  let storage: Storage | null = null;
  afterEach(async () => {
    await storage?.close();
    storage = null;
  });

  it('serves the chat panel and the visit card as it does in memory', async () => {
    storage = await openEphemeralStorage();
    const desk = await startDesk(T0, storage, { CRM_ADMIN_API_KEY: ADMIN });
    const app = desk.container.get(TOKENS.HttpApp);
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await app.request(`/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const { person, lead } = await registerThroughBot(desk, '+573005550199', 'Laura Gil');

    expect(JSON.stringify((await api('GET', '/leads?q=Laura')).json)).toContain(lead.id);
    expect((await api('POST', `/leads/${lead.id}/messages`, { kind: 'text', body: 'Hola Laura' })).status).toBe(202);
    await desk.idle();
    expect(desk.whatsapp.sentTo(person.phone).at(-1)?.content).toEqual({ kind: 'text', body: 'Hola Laura' });

    const visit = await api('POST', `/leads/${lead.id}/visits`, { projectId: 'p-med-1' });
    expect(visit.status).toBe(201);
    const visitId = String(visit.json.id);
    expect((await api('POST', `/visits/${visitId}/quotes`, { unitTypeId: 'p-med-1-t1' })).status).toBe(201);
    expect((await api('POST', `/visits/${visitId}/reservations`, { unitId: 'p-med-1-t1-u1' })).status).toBe(201);
    expect((await api('GET', `/visits/${visitId}`)).json).toMatchObject({
      visit: { stage: 'reserved' },
      quotes: [{ number: 'COT-000001' }],
    });

    desk.clock.advance(DAY_MS);
    expect((await api('POST', `/leads/${lead.id}/messages`, { kind: 'text', body: '¿Sigues ahí?' })).status).toBe(409);
  }, 60_000);
});
