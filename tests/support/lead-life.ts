import { TOKENS } from '../../bootstrap/tokens.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import type { Desk } from './desk-harness.ts';

export type Person = { readonly phone: string; readonly name: string; readonly email: string };

/**
 * A lead's whole life on the desk, with their name, phone and e-mail in every place the desk may keep them: an
 * ad click and a first message naming them (`POST /fake-whatsapp/inbound`), the bot's questions, a photo with a
 * caption, an advisor's messages, a visit with a quote (its PDF prints them) and an appointment note, and a
 * reservation. Returns the registered lead.
 */
export const liveALeadsLife = async (desk: Desk, who: Person, admin: string): Promise<Lead> => {
  const app = desk.container.get(TOKENS.HttpApp);
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  await api('POST', '/fake-whatsapp/inbound', {
    from: who.phone,
    name: who.name,
    text: `Hola, soy ${who.name}, mi correo es ${who.email}`,
    referral: { sourceType: 'ad', sourceId: '120210000000000', headline: 'Casas', ctwaClid: `clid-${who.email}` },
  });
  await desk.idle();
  const person = desk.whatsapp.lead(who.phone, who.name);
  await person.say(who.email);
  await person.tap('Acepto');
  await person.say(`¿Tienen parqueadero? Soy ${who.name}, mi cel es ${who.phone}`);
  await person.say('asesor');
  await person.sendImage(`Así quiero la casa, ${who.name}`);
  await desk.idle();
  const lead = await desk.read((r) => r.leads.byIdentity({ phone: person.phone, userId: null }));
  if (lead === null) throw new Error('the bot did not register the lead');
  await api('POST', `/api/v1/leads/${lead.id}/messages`, { kind: 'text', body: `Hola ${who.name}, ¿${who.email}?` });
  const visit = await api('POST', `/api/v1/leads/${lead.id}/visits`, { projectId: 'p-med-1' });
  await api('POST', `/api/v1/visits/${String(visit.id)}/quotes`, { unitTypeId: 'p-med-1-t1' });
  const startsAt = new Date(desk.clock.now() + 26 * 3_600_000).toISOString();
  const endsAt = new Date(desk.clock.now() + 27 * 3_600_000).toISOString();
  await api('POST', `/api/v1/visits/${String(visit.id)}/appointments`, {
    startsAt,
    endsAt,
    note: `Llamar a ${who.name} al ${who.phone}`,
  });
  await desk.idle();
  return lead;
};
