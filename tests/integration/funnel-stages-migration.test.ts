import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationsUpTo } from '../support/migrations-up-to.ts';

const crit = `'{"v":1,"value":{}}'`;

describe('migration 0017: the Colombian funnel, separations that do not sell', () => {
  it('moves authorised visits to promise and their reservations to confirmed; a reserved visit with no hold goes back', async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsUpTo('0016_appointment_status_reminders') });
    await client.exec(`
      insert into visits (id, lead_id, project_id, stage, criteria, created_at) values
        ('v-sold', 'l-1', 'p', 'authorised', ${crit}, '2026-11-01'),
        ('v-held', 'l-2', 'p', 'reserved', ${crit}, '2026-11-01'),
        ('v-quoted', 'l-3', 'p', 'reserved', ${crit}, '2026-11-01'),
        ('v-met', 'l-4', 'p', 'reserved', ${crit}, '2026-11-01'),
        ('v-bare', 'l-5', 'p', 'reserved', ${crit}, '2026-11-01'),
        ('v-new', 'l-6', 'p', 'new', ${crit}, '2026-11-01');
      insert into reservations (id, unit_id, visit_id, lead_id, status, requested_by, created_at) values
        ('r-sold', 'u-1', 'v-sold', 'l-1', 'authorised', 'ana', '2026-11-01'),
        ('r-held', 'u-2', 'v-held', 'l-2', 'requested', 'ana', '2026-11-01'),
        ('r-gone', 'u-3', 'v-quoted', 'l-3', 'cancelled', 'ana', '2026-11-01'),
        ('r-gone-2', 'u-3', 'v-met', 'l-4', 'cancelled', 'ana', '2026-11-02');
      insert into quotes (id, number, conversation_id, visit_id, project_id, unit_id, issued_at, valid_until, figures)
        values ('q-1', 'COT-000001', 'c-3', 'v-quoted', 'p', 'u-3', '2026-11-01', '2026-11-15', '{}');
      insert into appointments (id, visit_id, lead_id, advisor_id, starts_at, ends_at, created_at)
        values ('a-1', 'v-met', 'l-4', 'ana', '2026-11-03T15:00Z', '2026-11-03T16:00Z', '2026-11-01');
    `);

    const before = Date.now();
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const visits = await client.query<{ id: string; stage: string }>('select id, stage from visits order by id');
    const reservations = await client.query<{ id: string; status: string; stage_before: string; expires_at: Date }>(
      'select id, status, stage_before, expires_at from reservations order by id',
    );

    expect(visits.rows).toEqual([
      { id: 'v-bare', stage: 'contacted' },
      { id: 'v-held', stage: 'reserved' },
      { id: 'v-met', stage: 'appointment' },
      { id: 'v-new', stage: 'new' },
      { id: 'v-quoted', stage: 'quoted' },
      { id: 'v-sold', stage: 'promise' },
    ]);
    expect(reservations.rows.map((r) => [r.id, r.status, r.stage_before])).toEqual([
      ['r-gone', 'cancelled', 'contacted'],
      ['r-gone-2', 'cancelled', 'contacted'],
      ['r-held', 'requested', 'contacted'],
      ['r-sold', 'confirmed', 'contacted'],
    ]);
    const held = reservations.rows.find((r) => r.id === 'r-held');
    // A requested one gets its 8 days from the migration, so nothing is released the moment it runs.
    expect(new Date(held?.expires_at ?? 0).getTime()).toBeGreaterThanOrEqual(before + 8 * 86_400_000 - 60_000);
    await expect(client.exec(`update visits set stage = 'authorised' where id = 'v-new'`)).rejects.toThrow(
      /invalid input value for enum/,
    );
    await expect(
      client.exec(`insert into reservations (id, unit_id, visit_id, lead_id, status, requested_by, created_at,
        expires_at, stage_before) values ('r-new', 'u-1', 'v-new', 'l-6', 'requested', 'ana', now(), now(), 'new')`),
    ).rejects.toThrow(/reservations_one_active_per_unit/);
    await client.close();
  });
});
