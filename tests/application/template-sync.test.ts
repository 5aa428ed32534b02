import { describe, expect, it } from 'vitest';
import { ApplyTemplateStatusUpdates } from '../../application/use-cases/apply-template-status-updates.ts';
import { SyncTemplates } from '../../application/use-cases/sync-templates.ts';
import type { Template } from '../../domain/templates/template.ts';
import { someTemplates } from '../builders/template-builder.ts';
import { aWorld } from '../support/world.ts';

const update = (name: string, event: string) => ({ name, language: 'es_CO', event, reason: null });

/** Two approved templates and one Meta is still reviewing. */
const withTemplates = async () => {
  const world = aWorld();
  await world.given({
    templates: someTemplates(),
  });
  return { world, apply: new ApplyTemplateStatusUpdates(world.uow) };
};

describe('templates', () => {
  it('change status as soon as Meta says so, and only approved ones can be sent', async () => {
    const { world, apply } = await withTemplates();

    expect(await apply.execute([update('promocion_lanzamiento', 'APPROVED'), update('bienvenida', 'PAUSED')])).toEqual({
      updated: 2,
      unknown: 0,
    });

    const approved = await world.read((r) => r.templates.approved());
    expect(approved.map((t) => t.name)).toEqual(['promocion_lanzamiento', 'recordatorio_cita']);
  });

  it('reports templates it does not know, and a sync brings them in', async () => {
    const { world, apply } = await withTemplates();
    const fresh: Template = {
      name: 'nueva_oferta',
      language: 'es_CO',
      category: 'MARKETING',
      status: 'APPROVED',
      body: 'Hola {{1}}',
    };

    expect(await apply.execute([update('nueva_oferta', 'APPROVED')])).toEqual({ updated: 0, unknown: 1 });
    const report = await new SyncTemplates(world.uow, { fetchAll: async () => [fresh] }).execute();

    expect(report).toEqual({ fetched: 1, approved: 1 });
    expect(await world.read((r) => r.templates.byName('nueva_oferta', 'es_CO'))).toEqual(fresh);
  });

  it('ignores review events it does not know rather than guessing', async () => {
    const { world, apply } = await withTemplates();
    expect(await apply.execute([update('bienvenida', 'SOMETHING_NEW')])).toEqual({ updated: 0, unknown: 0 });
    expect((await world.read((r) => r.templates.byName('bienvenida', 'es_CO')))?.status).toBe('APPROVED');
  });
});
