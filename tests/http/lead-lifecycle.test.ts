import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/shared/time.ts';
import { toMiradorOutcomeChoice } from '../builders/desk-leads.ts';
import { startDesk } from '../support/desk-harness.ts';
import { leadRouter } from '../support/lead-desk-routes.ts';

type LeadJson = {
  id: string;
  email: string | null;
  advisorId: string | null;
  inBot: boolean;
  step: string | null;
  consents: { at: string; policyVersion: string; policyTextHash: string | null; messageId: string | null }[];
};

/** A lead who typed their email, accepted, and stopped: registered at once, still with the bot. */
const consentedAndStopped = async () => {
  const desk = await startDesk();
  const person = desk.whatsapp.lead('+573007771001', 'Lina Gómez');
  await person.say('Hola');
  await person.say('lina.gomez@correo.com');
  const tap = await person.tap('Acepto');
  await desk.idle();
  const lead = await desk.read((r) => r.leads.byIdentity({ phone: person.phone, userId: null }));
  if (lead === null) throw new Error('not registered on consent');
  return { desk, person, lead, tap, ...leadRouter(desk) };
};

describe('a lead’s life from the first message (issue 15)', () => {
  it('registers the lead the moment they consent, with the evidence of the tap, and shows where they stand in the bot', async () => {
    const { as, lead, tap } = await consentedAndStopped();

    const res = await as('admin').get(`/leads/${lead.id}`);
    const body = (await res.json()) as LeadJson;

    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      email: 'lina.gomez@correo.com',
      advisorId: null,
      inBot: true,
      step: 'choosingFilter',
    });
    expect(body.consents).toEqual([
      {
        at: expect.any(String),
        policyVersion: expect.any(String),
        policyTextHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        messageId: tap.waMessageId,
        email: 'lina.gomez@correo.com',
        evidenceOnlySince: null,
      },
    ]);
    const inBot = (await (await as('admin').get('/leads?inBot=true')).json()) as { items: LeadJson[] };
    const withAdvisor = (await (await as('admin').get('/leads?inBot=false')).json()) as { items: LeadJson[] };
    expect(inBot.items.map((l) => l.id)).toEqual([lead.id]);
    expect(withAdvisor.items).toEqual([]);
  });

  it('lets an advisor take over a bot conversation (the bot stops) and hand it back (the bot resumes the search)', async () => {
    const { desk, as, lead, person } = await consentedAndStopped();

    const taken = await as('admin').post(`/leads/${lead.id}/conversation/takeover`, {});
    expect(taken.status).toBe(200);
    expect(await taken.json()).toMatchObject({ inBot: false, step: null });
    const assigned = await desk.read((r) => r.leads.byId(lead.id));
    expect(assigned?.advisorId).not.toBeNull();
    expect((await as('admin').post(`/leads/${lead.id}/conversation/takeover`, {})).status).toBe(409);

    const before = person.inbox().length;
    await person.say('Precio');
    await desk.idle();
    // The bot does not answer; it only tells the lead their advisor will (once a day).
    expect(person.inbox()).toHaveLength(before + 1);
    expect(person.lastText()).toMatch(/^Recibimos tu mensaje 🙌 \S+ te responde/);

    const back = await as(assigned?.advisorId ?? 'u-ana').post(`/leads/${lead.id}/conversation/handback`, {});
    await desk.idle();
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ inBot: true, step: 'choosingFilter' });
    expect(person.lastText()).toContain('Te dejo de nuevo con el asistente virtual');
    const again = await as('admin').post(`/leads/${lead.id}/conversation/handback`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'already_with_bot' });
    await person.tap('Precio');
    await desk.idle();
    expect(person.lastMessage()?.content.kind).toBe('list');
  });

  it('pauses the bot when an advisor writes to a lead it still leads: the bot does not talk over a person', async () => {
    const { desk, as, lead, person } = await consentedAndStopped();

    const sent = await as('admin').post(`/leads/${lead.id}/messages`, { kind: 'text', body: 'Hola Lina, soy Ana 😊' });
    await desk.idle();
    const before = person.inbox().length;
    await person.tap('Precio');
    await desk.idle();

    expect(sent.status).toBe(202);
    expect(person.inbox()).toHaveLength(before);
    expect(((await (await as('admin').get(`/leads/${lead.id}`)).json()) as LeadJson).inBot).toBe(false);
  });

  it('hands back without a message when the window has closed; the bot answers the lead’s next message', async () => {
    const { desk, as, lead, person } = await consentedAndStopped();
    await as('admin').post(`/leads/${lead.id}/conversation/takeover`, {});
    desk.clock.advance(DAY_MS + 1);
    const before = person.inbox().length;

    expect((await as('admin').post(`/leads/${lead.id}/conversation/handback`, {})).status).toBe(200);
    await desk.idle();

    expect(person.inbox()).toHaveLength(before);
  });

  it('opens the visit when the lead picks a project, and files the quote under it', async () => {
    const desk = await startDesk();
    const camila = await toMiradorOutcomeChoice(desk, '+573007771002');
    await desk.idle();
    const lead = await desk.read((r) => r.leads.byIdentity({ phone: camila.phone, userId: null }));
    const visits = await desk.read((r) => r.visits.byLead(lead?.id ?? ('none' as never)));
    expect(visits).toMatchObject([{ projectId: 'p-med-1', unitTypeId: 'p-med-1-t2', criteria: { city: 'Medellín' } }]);
    expect(lead?.advisorId).toBeNull();

    await camila.tap('Simular cotización');
    await desk.idle();

    const quoted = await desk.read((r) => r.leads.byId(lead?.id ?? ('none' as never)));
    expect(quoted?.advisorId).not.toBeNull();
    const conversation = await desk.read((r) => r.conversations.byLead(lead?.id ?? ('none' as never)));
    const quotes = await desk.read((r) => r.quotes.byConversation(conversation[0]?.id ?? ('none' as never)));
    expect(quotes.map((q) => q.visitId)).toEqual([visits[0]?.id]);
    // The visit moved to "cotizado".
    expect((await desk.read((r) => r.visits.byId(visits[0]?.id ?? ('none' as never))))?.stage).toBe('quoted');
  });

  it('leaves a quoted lead unassigned, for a manager, when the line says so', async () => {
    const desk = await startDesk();
    await desk.read(async (r) => {
      const line = await r.lines.byId('line-main' as never);
      if (line !== null) await r.lines.save({ ...line, assignQuotedLeads: false });
    });
    const camila = await toMiradorOutcomeChoice(desk, '+573007771003');
    await camila.tap('Simular cotización');
    await desk.idle();

    const lead = await desk.read((r) => r.leads.byIdentity({ phone: camila.phone, userId: null }));
    expect(lead?.advisorId).toBeNull();
    await camila.tap('Hablar con un asesor');
    const assigned = await desk.read((r) => r.leads.byIdentity({ phone: camila.phone, userId: null }));
    expect(assigned?.advisorId).not.toBeNull();
  });

  it('gives a lead who asks for an advisor before choosing a project a general visit ("sin proyecto")', async () => {
    const desk = await startDesk();
    const person = desk.whatsapp.lead('+573007771004', 'Mario Ruiz');
    await person.say('Hola');
    await person.say('mario.ruiz@correo.com');
    await person.tap('Acepto');
    await person.say('asesor');
    await desk.idle();

    const lead = await desk.read((r) => r.leads.byIdentity({ phone: person.phone, userId: null }));
    const visits = await desk.read((r) => r.visits.byLead(lead?.id ?? ('none' as never)));
    expect(visits).toMatchObject([{ projectId: null, stage: 'new' }]);
    const { as } = leadRouter(desk);
    const quote = await as('admin').post(`/visits/${visits[0]?.id}/quotes`, { unitTypeId: 'p-med-1-t2' });
    expect(quote.status).toBe(409);
    expect(await quote.json()).toMatchObject({ code: 'visit_without_project' });
  });

  it('shows managers the visitors who have not consented yet, with their bot step and a masked phone; advisors may not list them', async () => {
    const desk = await startDesk();
    const asking = desk.whatsapp.lead('+573007771005', 'Nora Díaz');
    await asking.say('Hola');
    await asking.say('nora.diaz@correo.com');
    const declined = desk.whatsapp.lead('+573007771006', 'Iván Mora');
    await declined.say('Hola');
    await declined.say('ivan.mora@correo.com');
    await declined.tap('No acepto');
    await desk.idle();
    const { as } = leadRouter(desk);

    const res = await as('admin').get('/visitors/unregistered?limit=1');
    const first = (await res.json()) as { items: { step: string; maskedPhone: string }[]; nextCursor: string };
    const rest = (await (await as('admin').get(`/visitors/unregistered?cursor=${first.nextCursor}`)).json()) as {
      items: { step: string; maskedPhone: string }[];
      nextCursor: string | null;
    };

    expect(res.status).toBe(200);
    expect([...first.items, ...rest.items].map((v) => [v.maskedPhone, v.step]).sort()).toEqual([
      ['•••• 1005', 'awaitingConsent'],
      ['•••• 1006', 'start'],
    ]);
    expect(rest.nextCursor).toBeNull();
    expect(JSON.stringify([first, rest])).not.toContain('correo.com');
    expect((await as('u-ana').get('/visitors/unregistered')).status).toBe(403);
    expect((await as('admin').get('/visitors/unregistered?cursor=nope')).status).toBe(422);
  });
});
