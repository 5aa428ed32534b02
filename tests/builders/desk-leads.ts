import type { Lead } from '../../domain/lead/lead.ts';
import type { FakeLead } from '../../adapters/whatsapp/fake/fake-lead.ts';
import type { Desk } from '../support/desk-harness.ts';

/**
 * Walks a new lead through the bot's shortest path to an advisor (email, consent, `asesor`) and
 * returns the fake phone with the lead the desk registered; no visit is opened on this path.
 */
export const registerThroughBot = async (
  desk: Desk,
  phone: string,
  name: string,
): Promise<{ readonly person: FakeLead; readonly lead: Lead }> => {
  const person = desk.whatsapp.lead(phone, name);
  await person.say('Hola');
  await person.say(`lead${person.phone.slice(-6)}@correo.com`);
  await person.tap('Acepto');
  await person.say('asesor');
  const lead = await desk.read((r) => r.leads.byIdentity({ phone: person.phone, userId: null }));
  if (lead === null) throw new Error(`the bot did not register ${phone}`);
  return { person, lead };
};

/** Takes a new lead down the city path to the quote/advisor choice for Mirador de El Poblado, 2 bedrooms. */
export const toMiradorOutcomeChoice = async (desk: Pick<Desk, 'whatsapp'>, phone: string): Promise<FakeLead> => {
  const camila = desk.whatsapp.lead(phone, 'Camila Restrepo');
  await camila.say('Hola');
  await camila.say('camila.restrepo@correo.com');
  await camila.tap('Acepto');
  await camila.tap('Ciudad');
  await camila.say('medellin');
  await camila.tap('Mirador de El Poblado');
  await camila.tap('Apartamento 2 alcobas');
  return camila;
};
