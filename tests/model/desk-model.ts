/** The model of the desk and its commands, shared by the in-memory and the PGlite runs. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { choicesOf } from '../../adapters/whatsapp/fake/sent-message.ts';
import { normalizeWord } from '../../domain/chatbot/bot-texts.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import type { LineId, UserId } from '../../domain/shared/ids.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Instant } from '../../domain/shared/time.ts';
import type { Desk } from '../support/desk-harness.ts';
import { checkReservations } from './reservation-commands.ts';

/** What a lead has done, as the model understands the product's rules. */
type LeadModel = {
  consented: boolean;
  /** Registered: they consented (the lead is registered then, and only then). */
  registered: boolean;
  /** Asked for a person ("asesor" or the button): an advisor is assigned. */
  askedAdvisor: boolean;
  declined: boolean;
  /** The email typed before declining, which nothing stored may hold any more. */
  forgotten: string | null;
  /** The last email typed while not consented. */
  typed?: string;
  lastInboundAt: Instant | null;
};
type Model = { readonly leads: Map<string, LeadModel>; now: Instant };
type Real = { readonly desk: Desk; readonly inbound: Map<string, Instant[]>; checked: number };

const PHONES = ['+573001000001', '+573001000002', '+573001000003'] as const;
const GROUP: readonly string[] = ['u-ana', 'u-carlos', 'u-valentina'];
const LINE = 'line-main' as LineId;

const leadOf = (m: Model, phone: string): LeadModel => {
  const found = m.leads.get(phone) ?? {
    consented: false,
    registered: false,
    askedAdvisor: false,
    declined: false,
    forgotten: null,
    lastInboundAt: null,
  };
  m.leads.set(phone, found);
  return found;
};

const wroteIn = (m: Model, r: Real, phone: string): LeadModel => {
  const lead = leadOf(m, phone);
  lead.lastInboundAt = m.now;
  r.inbound.set(phone, [...(r.inbound.get(phone) ?? []), m.now]);
  return lead;
};

/** The invariants of the brief, checked against the stored state and everything WhatsApp received. */
const checkInvariants = async (m: Model, r: Real): Promise<void> => {
  const sent = r.desk.whatsapp.sent;
  for (const message of sent.slice(r.checked)) {
    if (message.content.kind === 'template') continue;
    const times = r.inbound.get(message.to.phone ?? '') ?? [];
    expect(
      times.some((t) => t <= message.at && message.at - t < DAY_MS),
      `free-form message outside the window: ${JSON.stringify(message)}`,
    ).toBe(true);
  }
  r.checked = sent.length;
  const leads = await r.desk.read((repos) => repos.leads.list());
  for (const phone of PHONES) {
    const model = leadOf(m, phone);
    const lead = leads.find((l) => l.phone === phone);
    // A lead is registered iff it consented, with the evidence of the tap.
    expect(lead !== undefined, `${phone} registered`).toBe(model.registered);
    const conversation = await r.desk.read((repos) =>
      repos.conversations.byIdentity(LINE, { phone: phone as PhoneE164, userId: null }),
    );
    const quotes =
      conversation === null ? [] : await r.desk.read((repos) => repos.quotes.byConversation(conversation.id));
    if (lead !== undefined) {
      expect(model.consented).toBe(true);
      expect(lead.consent).toMatchObject({ messageId: expect.any(String), policyTextHash: expect.any(String) });
      expect(lead.email).not.toBeNull();
      // Asking for a person assigns an advisor; so does quoting (the line's default).
      if (model.askedAdvisor || quotes.length > 0) expect(GROUP).toContain(lead.advisorId);
      // Every quote belongs to one of the lead's visits.
      const visits = await r.desk.read((repos) => repos.visits.byLead(lead.id));
      for (const q of quotes) expect(visits.map((v) => v.id)).toContain(q.visitId);
    } else expect(quotes).toEqual([]);
    if (model.declined && model.forgotten !== null && conversation !== null) {
      // A declined lead leaves no email anywhere: bot state, messages, the inbox's copies of the webhooks.
      const email = model.forgotten;
      expect(JSON.stringify(conversation)).not.toContain(email);
      expect(conversation.profileName).toBeNull();
      const messages = await r.desk.read((repos) => repos.messages.byConversation(conversation.id));
      expect(JSON.stringify(messages)).not.toContain(email);
      for (const message of messages) {
        if (message.direction !== 'inbound') continue;
        const envelope = await r.desk.read((repos) => repos.inbox.messageEnvelope(message.waMessageId));
        expect(JSON.stringify(envelope)).not.toContain(email);
      }
    }
  }
  const loads = GROUP.map((id) => leads.filter((l) => l.advisorId === id).length);
  expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  await checkReservations(r.desk, false);
};

export type Cmd = fc.AsyncCommand<Model, Real>;

/** What the runs exercised, so a quiet generator cannot make the test pass vacuously. */
export const seen = {
  runs: 0,
  commands: 0,
  registrations: 0,
  refusedOutsideWindow: 0,
  templatesOutsideWindow: 0,
  quotes: 0,
  declines: 0,
};

const say = (phone: string, text: string): Cmd => ({
  check: () => true,
  run: async (m, r) => {
    // A 👍 answers the yes/no question the lead was last shown: consent, or an advisor after a quote.
    const last = r.desk.whatsapp.lead(phone).lastMessage();
    const shown = (last === null ? [] : choicesOf(last.content)).map((c) => c.id);
    await r.desk.whatsapp.lead(phone).say(text);
    const lead = wroteIn(m, r, phone);
    if (text.includes('@') && text.includes('.') && !lead.consented)
      Object.assign(lead, { declined: false, typed: text });
    if (normalizeWord(text) === 'asesor' && lead.consented) lead.askedAdvisor = true;
    if (text === '👍' && shown.includes('consent:yes')) {
      Object.assign(lead, { consented: true, registered: true });
      seen.registrations += 1;
    }
    if (text === '👍' && shown.includes('outcome:advisor') && shown.includes('outcome:restart') && lead.consented)
      lead.askedAdvisor = true;
    await checkInvariants(m, r);
  },
  toString: () => `say(${phone}, ${JSON.stringify(text)})`,
});

/** Taps one of the options of the last message, if it offers any: exactly what a person can do. */
const tap = (phone: string, index: number): Cmd => ({
  check: () => true,
  run: async (m, r) => {
    const last = r.desk.whatsapp.lead(phone).lastMessage();
    const choices = last === null ? [] : choicesOf(last.content);
    const choice = choices[index % Math.max(1, choices.length)];
    if (choice === undefined) return;
    await r.desk.whatsapp.lead(phone).tap(choice.id);
    const lead = wroteIn(m, r, phone);
    if (choice.id === 'consent:yes') {
      Object.assign(lead, { consented: true, registered: true });
      seen.registrations += 1;
    }
    if (choice.id === 'consent:no') {
      Object.assign(lead, { consented: false, declined: true, forgotten: lead.typed ?? null });
      seen.declines += 1;
    }
    if (choice.id === 'outcome:advisor') lead.askedAdvisor = true;
    if (choice.id === 'outcome:quote') seen.quotes += 1;
    await checkInvariants(m, r);
  },
  toString: () => `tap(${phone}, #${index})`,
});

const sendMedia = (phone: string): Cmd => ({
  check: () => true,
  run: async (m, r) => {
    await r.desk.whatsapp.lead(phone).sendImage('foto');
    wroteIn(m, r, phone);
    await checkInvariants(m, r);
  },
  toString: () => `image(${phone})`,
});

const advance = (ms: number): Cmd => ({
  check: () => true,
  run: async (m, r) => {
    r.desk.clock.advance(ms);
    m.now += ms;
    await checkInvariants(m, r);
  },
  toString: () => `advance(${ms / MINUTE_MS} min)`,
});

const agentSends = (phone: string, kind: 'text' | 'template'): Cmd => ({
  check: (m) => leadOf(m, phone).askedAdvisor,
  run: async (m, r) => {
    const lead = (await r.desk.read((repos) => repos.leads.list())).find((l) => l.phone === phone);
    if (lead === undefined) throw new Error(`model says ${phone} is registered`);
    const content =
      kind === 'text'
        ? ({ kind: 'text', body: 'Hola, soy tu asesor 😊' } as const)
        : ({ kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: ['Ana', 'Carlos'] } as const);
    const result = await r.desk.sendAgentMessage.execute({
      actor: { kind: 'user', userId: lead.advisorId as UserId, role: 'advisor' },
      leadId: lead.id,
      author: lead.advisorId as UserId,
      content,
    });
    const last = leadOf(m, phone).lastInboundAt;
    const windowOpen = last !== null && m.now - last < DAY_MS;
    expect(result.ok).toBe(kind === 'template' || windowOpen);
    if (!result.ok) expect(result.error).toEqual({ type: 'WindowClosed' });
    if (!result.ok) seen.refusedOutsideWindow += 1;
    if (kind === 'template' && !windowOpen) seen.templatesOutsideWindow += 1;
    await r.desk.idle();
    await checkInvariants(m, r);
  },
  toString: () => `agent ${kind} → ${phone}`,
});

const phone = fc.constantFrom(...PHONES);
export const commands = [
  fc
    .tuple(
      phone,
      fc.constantFrom('Hola', 'quiero información', 'maria@', 'lead@correo.com', 'menu', 'asesor', 'Asesor', '👍'),
    )
    .map(([p, t]) => say(p, t)),
  fc.tuple(phone, fc.nat({ max: 11 })).map(([p, i]) => tap(p, i)),
  fc.tuple(phone, fc.nat({ max: 11 })).map(([p, i]) => tap(p, i)),
  fc.tuple(phone, fc.nat({ max: 11 })).map(([p, i]) => tap(p, i)),
  phone.map((p) => say(p, 'lead@correo.com')),
  phone.map((p) => say(p, 'asesor')),
  phone.map(sendMedia),
  fc.constantFrom(MINUTE_MS, 2 * HOUR_MS, 23 * HOUR_MS, 25 * HOUR_MS).map(advance),
  fc.tuple(phone, fc.constantFrom('text' as const, 'template' as const)).map(([p, k]) => agentSends(p, k)),
];

/** One model run on a desk the caller assembled (in memory, PGlite, …). */
export const runOn = async (desk: Desk, cmds: Iterable<Cmd>): Promise<void> => {
  const real: Real = { desk, inbound: new Map(), checked: 0 };
  seen.runs += 1;
  await fc.asyncModelRun(() => ({ model: { leads: new Map(), now: desk.clock.now() }, real }), cmds);
  seen.commands += real.checked;
};

export const anyScript = fc.commands(commands, { maxCommands: 80, size: 'max' });
