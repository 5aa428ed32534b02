import { describe, expect, it } from 'vitest';
import { asId, type LineId } from '../../domain/shared/ids.ts';
import { startDesk } from '../support/desk-harness.ts';
import { leadRouter } from '../support/lead-desk-routes.ts';

const line = asId<LineId>('line-main');

describe('a line whose bot says "usted" (issue 16)', () => {
  it('greets and asks in usted, from its own catalogue, which admins edit apart from the tú one', async () => {
    const desk = await startDesk();
    const { as } = leadRouter(desk);
    await desk.read(async (r) => {
      const found = await r.lines.byId(line);
      if (found !== null) await r.lines.save({ ...found, formality: 'usted' });
    });
    const json = { 'content-type': 'application/json' };
    const edited = await as('admin').send('/settings/bot-texts?formality=usted', {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ askEmail: '¿Me regala su correo electrónico, por favor?' }),
    });
    expect(edited.status).toBe(200);

    const señor = desk.whatsapp.lead('+573007773001', 'Jorge Pardo');
    await señor.say('Buenas tardes');
    await desk.idle();

    const [welcome, ask] = señor.inbox().map((m) => ('body' in m.content ? m.content.body : ''));
    expect(welcome).toContain('Le ayudo a encontrar su próximo hogar');
    expect(ask).toBe('¿Me regala su correo electrónico, por favor?');
    const tu = (await (await as('admin').get('/settings/bot-texts')).json()) as { askEmail: string };
    const usted = (await (await as('admin').get('/settings/bot-texts?formality=usted')).json()) as { askEmail: string };
    expect(tu.askEmail).toBe('¿Me escribes tu correo electrónico? Así te enviamos la información de los proyectos.');
    expect(usted.askEmail).toBe('¿Me regala su correo electrónico, por favor?');
  });
});
