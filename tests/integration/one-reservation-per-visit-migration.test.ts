import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsUpTo } from '../support/migrations-up-to.ts';

describe('migration 0013: one active reservation per visit', () => {
  it('cancels a visit’s later, stuck requests and releases their units; keeps the first and every authorised one', async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsUpTo('0012_project_details') });
    await client.exec(`
      insert into units (id, project_id, unit_type_id, code, area_m2, price, currency, status) values
        ('u-1', 'p', 't', 'A1', 50, 1, 'COP', 'sold'), ('u-2', 'p', 't', 'A2', 50, 1, 'COP', 'reserved'),
        ('u-3', 'p', 't', 'A3', 50, 1, 'COP', 'reserved'), ('u-4', 'p', 't', 'A4', 50, 1, 'COP', 'reserved');
      insert into reservations (id, unit_id, visit_id, lead_id, status, requested_by, created_at) values
        ('r-auth', 'u-1', 'visit-1', 'lead-1', 'authorised', 'ana', '2026-11-01'),
        ('r-stuck', 'u-2', 'visit-1', 'lead-1', 'requested', 'ana', '2026-11-02'),
        ('r-first', 'u-3', 'visit-2', 'lead-2', 'requested', 'ana', '2026-11-01'),
        ('r-later', 'u-4', 'visit-2', 'lead-2', 'requested', 'ana', '2026-11-03');
    `);

    // Up to 0013 only: 0014 renames authorised reservations (funnel-stages-migration.test.ts).
    await migrate(db, { migrationsFolder: migrationsUpTo('0013_one_reservation_per_visit') });
    const reservations = await client.query<{ id: string; status: string }>(
      'select id, status from reservations order by id',
    );
    const units = await client.query<{ id: string; status: string }>('select id, status from units order by id');

    expect(reservations.rows).toEqual([
      { id: 'r-auth', status: 'authorised' },
      { id: 'r-first', status: 'requested' },
      { id: 'r-later', status: 'cancelled' },
      { id: 'r-stuck', status: 'cancelled' },
    ]);
    expect(units.rows).toEqual([
      { id: 'u-1', status: 'sold' },
      { id: 'u-2', status: 'available' },
      { id: 'u-3', status: 'reserved' },
      { id: 'u-4', status: 'available' },
    ]);
    await expect(
      client.exec(`insert into reservations (id, unit_id, visit_id, lead_id, status, requested_by, created_at)
        values ('r-new', 'u-2', 'visit-2', 'lead-2', 'requested', 'ana', now())`),
    ).rejects.toThrow(/reservations_one_active_per_visit/);
    await client.close();
  });
});
