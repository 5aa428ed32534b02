import { describe, expect, it } from 'vitest';
import type { LeadId } from '../../domain/shared/ids.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';

/**
 * The seed's first story: an unregistered lead writes in, gives an email and consent, searches by
 * price, picks a project and a unit type, and asks for an advisor; the CRM sees the new lead at once.
 */
describe('a lead searching by price ends with an advisor', () => {
  it('registers the lead with the least-loaded advisor and a visit for the chosen project', async () => {
    const desk = await startDesk();
    const maria = desk.whatsapp.lead('+573001112233', 'María Pérez');

    await maria.say('Hola');
    expect(maria.lastText()).toContain('correo electrónico');

    await maria.say('maria.perez@correo');
    expect(maria.lastText()).toContain('nombre@dominio.com');

    await maria.say('maria.perez@correo.com');
    expect(maria.lastText()).toContain('Ley 1581');

    await maria.tap('Acepto');
    expect(maria.lastText()).toBe('¡Gracias! ¿Cómo quieres buscar tu inmueble?');

    await maria.tap('Precio');
    expect(maria.lastText()).toBe('¿En qué rango de precio buscas?');

    await maria.tap('$ 300 M a $ 500 M');
    expect(maria.lastText()).toMatch(/Encontré \d+ proyectos para ti/);

    await maria.tap('Torres de Salitre');
    expect(maria.lastText()).toContain('*Torres de Salitre* (Bogotá)');

    await maria.tap('Apartamento 2 alcobas');
    expect(maria.lastText()).toContain('¿Qué quieres hacer?');

    await maria.tap('Hablar con un asesor');
    expect(maria.lastText()).toBe('¡Listo! ✅ *Ana Gómez* será tu asesor(a) y te contactará muy pronto por este chat.');

    const leads = await desk.read((r) => r.leads.list());
    expect(leads).toHaveLength(1);
    const lead = leads[0];
    expect(lead).toMatchObject({
      phone: '+573001112233',
      name: 'María Pérez',
      email: 'maria.perez@correo.com',
      consent: { at: T0, policyVersion: '2026-01' },
      advisorId: 'u-ana',
      source: 'whatsapp_bot',
    });
    const visits = await desk.read((r) => r.visits.byLead(lead?.id as LeadId));
    expect(visits).toMatchObject([
      { projectId: 'p-bog-1', unitTypeId: 'p-bog-1-t1', stage: 'new', criteria: { priceBucketId: 'b-2' } },
    ]);
    expect(desk.events.published.map((e) => e.type)).toEqual(
      expect.arrayContaining(['lead_registered', 'lead_assigned', 'visit_changed']),
    );
  });

  it('shares leads across the group: the next lead goes to the advisor with fewer leads', async () => {
    const desk = await startDesk();
    const assigned: string[] = [];
    for (const [i, phone] of ['+573001110001', '+573001110002', '+573001110003', '+573001110004'].entries()) {
      const lead = desk.whatsapp.lead(phone, `Lead ${i}`);
      await lead.say('Hola');
      await lead.say(`lead${i}@correo.com`);
      await lead.tap('Acepto');
      await lead.say('asesor');
      assigned.push(lead.lastText() ?? '');
    }
    expect(assigned.map((t) => /\*(.+)\*/.exec(t)?.[1])).toEqual([
      'Ana Gómez',
      'Carlos Ruiz',
      'Valentina Torres',
      'Ana Gómez',
    ]);
  });
});
