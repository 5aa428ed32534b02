import { expect, it } from 'vitest';
import { cartagena } from '../builders/cartagena-project.ts';
import { configurationUseCases } from '../support/configuration-routes.ts';
import { startDesk } from '../support/desk-harness.ts';

/** A project the CRM adds reaches leads at once: the bot offers it on the city path. */
it('upserts a project that the bot then offers in its city list', async () => {
  const desk = await startDesk();
  const { upsertProject } = configurationUseCases(desk);

  expect((await upsertProject.execute(cartagena())).ok).toBe(true);

  const lead = desk.whatsapp.lead('+573005550001', 'Luisa');
  await lead.say('Hola');
  await lead.say('luisa@correo.com');
  await lead.tap('Acepto');
  await lead.tap('Ciudad');
  await lead.tap('Cartagena');
  await expect(lead.tap('Brisas de Bocagrande')).resolves.toBeDefined();
});
