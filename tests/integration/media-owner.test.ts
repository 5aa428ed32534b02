import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrationsUpTo } from '../support/migrations-up-to.ts';

// The owner suite runs on PGlite and PostgreSQL with every other contract: tests/integration/contracts.test.ts.

describe('migration 0005: owners of files kept before it', () => {
  it('gives quote PDFs and copies of lead files their lead (or conversation); uploads stay ownerless', async () => {
    const client = await PGlite.create();
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: migrationsUpTo('0002_status_history_trigger') });
    await client.exec(`
      insert into media (id, mime_type, bytes) values
        ('m-quote', 'application/pdf', '\\x25504446'), ('m-bot-quote', 'application/pdf', '\\x25504446'),
        ('m-photo', 'image/jpeg', '\\xffd8ff'), ('m-early-photo', 'image/jpeg', '\\xffd8ff'), ('m-upload', 'application/pdf', '\\x25504446');
      insert into conversations (id, line_id, phone, lead_id, bot, created_at) values
        ('conv-lead', 'line-main', '+573001000001', 'lead-1', '{}', now()),
        ('conv-bot', 'line-main', '+573001000002', null, '{}', now());
      insert into quotes (id, number, conversation_id, pdf_media_id, project_id, unit_id, issued_at, valid_until, figures) values
        ('q-1', 'COT-000001', 'conv-lead', 'm-quote', 'p', 'u', now(), now(), '{}'),
        ('q-2', 'COT-000002', 'conv-bot', 'm-bot-quote', 'p', 'u', now(), now(), '{}');
      insert into messages (id, conversation_id, lead_id, direction, type, content, created_at) values
        ('msg-1', 'conv-lead', null, 'inbound', 'media', '{"kind":"media","mediaKind":"image","waMediaId":"w1","mimeType":"image/jpeg","mediaId":"m-photo"}', now()),
        ('msg-2', 'conv-bot', null, 'inbound', 'media', '{"kind":"media","mediaKind":"image","waMediaId":"w2","mimeType":"image/jpeg","mediaId":"m-early-photo"}', now()),
        ('msg-3', 'conv-lead', 'lead-1', 'outbound', 'media', '{"kind":"media","mediaKind":"document","mediaId":"m-upload","mimeType":"application/pdf"}', now());
    `);

    await migrate(db, { migrationsFolder: MIGRATIONS });
    const owners = await client.query<{ id: string; owner_kind: string | null; owner_id: string | null }>(
      'select id, owner_kind, owner_id from media order by id',
    );

    expect(owners.rows).toEqual([
      { id: 'm-bot-quote', owner_kind: 'conversation', owner_id: 'conv-bot' },
      { id: 'm-early-photo', owner_kind: 'conversation', owner_id: 'conv-bot' },
      { id: 'm-photo', owner_kind: 'lead', owner_id: 'lead-1' },
      { id: 'm-quote', owner_kind: 'lead', owner_id: 'lead-1' },
      { id: 'm-upload', owner_kind: null, owner_id: null },
    ]);
    await expect(client.query(`update media set owner_kind = 'lead' where id = 'm-upload'`)).rejects.toThrow(
      /media_owner_complete/,
    );
    await expect(
      client.query(`update media set owner_kind = 'robot', owner_id = 'x' where id = 'm-upload'`),
    ).rejects.toThrow(/media_owner_kind_check/);
    await client.close();
  });
});
