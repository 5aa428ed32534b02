import { describe, expect, it } from 'vitest';
import { startDesk } from '../support/desk-harness.ts';

/** Bosques de Suba (p-bog-4) is the demo's VIS project: $ 185 M, under the 150 SMMLV cap. */
const toBosquesDeSuba = async (phone: string) => {
  const desk = await startDesk();
  const lead = desk.whatsapp.lead(phone, 'Diana Pérez');
  await lead.say('Hola');
  await lead.say('diana.perez@correo.com');
  await lead.tap('Acepto');
  await lead.tap('Ciudad');
  await lead.say('bogota');
  await lead.tap('Bosques de Suba');
  return { desk, lead };
};

describe('a lead quoting the VIS project is asked about cesantías and subsidy first', () => {
  it('after a "Sí", gets a quote that says an advisor confirms the amounts, with the VIS cap and regime', async () => {
    const { lead } = await toBosquesDeSuba('+573004440001');
    await lead.tap('Simular cotización');
    expect(lead.lastText()).toContain('¿Vas a usar cesantías o subsidio de vivienda');

    const before = lead.inbox().length;
    await lead.tap('Sí');

    const [summary] = lead
      .inbox()
      .slice(before)
      .map((m) => m.content);
    expect(summary).toMatchObject({ kind: 'text' });
    const body = summary?.kind === 'text' ? summary.body : '';
    expect(body).toContain('Vivienda de interés social (VIS), tope legal de 150 SMMLV');
    expect(body).toContain('Precio fijo en pesos colombianos desde la separación');
    expect(body).toContain('un asesor confirmará contigo los montos');
    expect(body).toContain('Parqueadero comunal (por asignación): sin costo adicional');
  });

  it('after a "No sé", gets the quote with the subsidy line instead', async () => {
    const { lead } = await toBosquesDeSuba('+573004440002');
    await lead.tap('Simular cotización');
    const before = lead.inbox().length;
    await lead.tap('No sé');

    const [summary] = lead
      .inbox()
      .slice(before)
      .map((m) => m.content);
    const body = summary?.kind === 'text' ? summary.body : '';
    expect(body).toContain('subsidio de vivienda de tu caja de compensación');
    expect(body).not.toContain('un asesor confirmará');
  });
});
