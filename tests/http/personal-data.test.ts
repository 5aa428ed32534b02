import { describe, expect, it } from 'vitest';
import { startDesk, TEST_ADMIN_KEY } from '../support/desk-harness.ts';
import { leadRouter } from '../support/lead-desk-routes.ts';
import { liveALeadsLife } from '../support/lead-life.ts';

const lucia = { phone: '+573004445566', name: 'Lucía Fernández', email: 'lucia.fernandez@correo.com' };

const deskWithLucia = async () => {
  const desk = await startDesk();
  const lead = await liveALeadsLife(desk, lucia, TEST_ADMIN_KEY);
  return { desk, lead, ...leadRouter(desk) };
};

describe('a data subject’s rights over HTTP (Ley 1581 de 2012)', () => {
  it('exports everything stored about a lead to an admin, and records who asked', async () => {
    const { as, lead } = await deskWithLucia();

    const res = await as('admin').get(`/leads/${lead.id}/personal-data`);
    const body = (await res.json()) as Record<string, unknown[]> & { lead: Record<string, unknown> };

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(body.lead).toMatchObject({ name: lucia.name, phone: lucia.phone, email: lucia.email });
    expect(body.conversations).toEqual([expect.objectContaining({ profileName: lucia.name, phone: lucia.phone })]);
    expect(JSON.stringify(body.messages)).toContain(`Hola ${lucia.name}`);
    expect(body.files).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ mimeType: 'image/jpeg', downloadUrl: expect.stringMatching(/^\/api\/v1\/media\//) }),
        expect.objectContaining({ mimeType: 'application/pdf', quoteId: expect.any(String) }),
      ]),
    );
    expect(body.visits).toHaveLength(2); // the general visit ("asesor" before a project) and p-med-1
    expect(body.quotes).toHaveLength(1);
    expect(body.appointments).toEqual([expect.objectContaining({ note: expect.stringContaining(lucia.name) })]);
    expect(body.consents).toEqual([expect.objectContaining({ email: lucia.email, evidenceOnlySince: null })]);
    expect(body.requests).toEqual([expect.objectContaining({ kind: 'access', actor: 'bootstrap-admin' })]);
  });

  it('erases the lead’s personal data, keeps the business records’ figures and the consent as evidence', async () => {
    const { desk, as, lead } = await deskWithLucia();
    const before = (await (await as('admin').get(`/leads/${lead.id}/personal-data`)).json()) as {
      files: { id: string }[];
    };

    const erased = await as('admin').post(`/leads/${lead.id}/erasure`, {});

    expect(erased.status).toBe(200);
    expect(await erased.json()).toMatchObject({ request: { kind: 'erasure', actor: 'bootstrap-admin' } });
    const after = await (await as('admin').get(`/leads/${lead.id}/personal-data`)).json();
    const text = JSON.stringify(after);
    for (const trace of [lucia.name, 'Lucía', lucia.email, lucia.phone, lucia.phone.slice(1)])
      expect(text).not.toContain(trace);
    expect(after).toMatchObject({
      lead: { name: null, phone: null, email: null, waUserId: null, consent: { policyVersion: '2026-01' } },
      conversations: [{ phone: null, profileName: null, bot: { step: 'start' } }],
      quotes: [{ number: 'COT-000001', pdfMediaId: null }],
      consents: [{ email: null, evidenceOnlySince: expect.any(String) }],
    });
    expect((after as { lead: { origin: unknown } }).lead.origin).toMatchObject({
      channel: 'whatsapp',
      referral: { sourceId: '120210000000000', ctwaClid: null },
      firstMessage: { text: null },
    });
    for (const file of before.files) {
      const got = await as('admin').get(`/media/${file.id}`);
      expect(got.status).toBe(404);
    }
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
  });

  it('erases twice without complaint, and lists every request to admins only, newest first', async () => {
    const { as, lead } = await deskWithLucia();

    expect((await as('admin').post(`/leads/${lead.id}/erasure`, {})).status).toBe(200);
    expect((await as('admin').post(`/leads/${lead.id}/erasure`, {})).status).toBe(200);
    await as('admin').get(`/leads/${lead.id}/personal-data`);

    const page = await (await as('admin').get(`/admin/data-subject-requests?leadId=${lead.id}&limit=2`)).json();
    expect(page).toMatchObject({
      items: [{ kind: 'access' }, { kind: 'erasure' }],
      nextCursor: expect.any(String),
    });
    const { nextCursor } = page as { nextCursor: string };
    const rest = await (await as('admin').get(`/admin/data-subject-requests?cursor=${nextCursor}`)).json();
    expect(rest).toMatchObject({ items: [{ kind: 'erasure' }], nextCursor: null });
    expect((await as('admin').get('/admin/data-subject-requests?cursor=nope')).status).toBe(422);
  });

  it('refuses every route to managers and advisors, and answers 404 for an unknown lead', async () => {
    const { as, lead } = await deskWithLucia();

    for (const who of ['u-jorge', 'u-ana']) {
      expect((await as(who).get(`/leads/${lead.id}/personal-data`)).status).toBe(403);
      expect((await as(who).post(`/leads/${lead.id}/erasure`, {})).status).toBe(403);
      expect((await as(who).get('/admin/data-subject-requests')).status).toBe(403);
    }
    const unknown = await as('admin').post('/leads/lead-404/erasure', {});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'lead_not_found' });
    expect((await as('admin').get('/leads/lead-404/personal-data')).status).toBe(404);
  });
});
