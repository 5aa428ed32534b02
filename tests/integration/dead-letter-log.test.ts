import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { DEAD_LETTER_AFTER } from '../../application/use-cases/process-inbox.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { openStorage } from '../../bootstrap/storage.ts';
import { spawnApp } from '../support/app-process.ts';
import { messagesOfPhone, postInbound } from '../support/desk-over-http.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { eventually } from '../support/eventually.ts';

const ADMIN_KEY = 'dead-letter-log-admin-key-0123456789abcdef';
const PHONE = '+573001119999';
const SECRET_TEXT = 'mi cédula es 1098765432';
const postgresUrl = postgresForTests();

const until = (probe: () => boolean | Promise<boolean>, what: string, output: () => string): Promise<true> =>
  eventually(probe, { what, timeoutMs: 20_000, intervalMs: 100, detail: () => output().slice(-3_000) });

describe('the running app with an inbox entry that keeps failing', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.skipIf(postgresUrl === null)(
    "logs its dead-lettering once at error, with ids and codes only, and lets the sender's next message through",
    async () => {
      const database = await freshPostgresDatabase();
      if (database === null) throw new Error('TEST_DATABASE_URL vanished');
      cleanups.push(database.drop);
      const app = await spawnApp({ DATABASE_URL: database.url, CRM_ADMIN_API_KEY: ADMIN_KEY });
      cleanups.push(app.stop);
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      cleanups.push(() => sql.end());

      // A stored message the app cannot read (no sender: a payload from a bug), one failure short of the bound,
      // queued for the same lead as the message that follows it.
      const payload = {
        kind: 'message',
        envelope: {
          phoneNumberId: FAKE_PHONE_NUMBER_ID,
          waMessageId: 'wamid.poison',
          from: null,
          profileName: PHONE,
          sentAt: 0,
          content: { kind: 'text', body: SECRET_TEXT },
        },
      };
      const [poison] = await sql<{ id: string }[]>`
      insert into inbox (wa_id, kind, ordering_key, payload, received_at, not_before, attempts, failures)
      values ('wamid.poison', 'message', ${`msg:${FAKE_PHONE_NUMBER_ID}:${PHONE}`}, ${sql.json(payload)}, now(), now() + interval '1 second',
              ${DEAD_LETTER_AFTER - 1}, ${DEAD_LETTER_AFTER - 1})
      returning id`;
      expect((await postInbound(app.url, { from: PHONE, text: 'Hola' })).status).toBe(202);

      const lines = () =>
        app
          .output()
          .split('\n')
          .flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as Record<string, unknown>] : []));
      await until(
        () => lines().some((l) => l.event === 'inbox_entry_dead_lettered'),
        'the dead-letter log line',
        app.output,
      );
      const storage = await openStorage(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }));
      cleanups.push(storage.close);
      const replies = async () =>
        (await messagesOfPhone((f) => storage.store.transaction(f), PHONE)).filter((m) => m.direction === 'outbound');
      await until(async () => (await replies()).length > 0, 'the bot answering the next message', app.output);

      const logged = lines().filter((l) => l.event === 'inbox_entry_dead_lettered');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        level: 50,
        inboxId: Number(poison?.id),
        kind: 'message',
        attempts: DEAD_LETTER_AFTER,
        errorCode: 'unreadable_entry',
      });
      expect(app.output()).not.toContain(PHONE.slice(1));
      expect(app.output()).not.toContain('1098765432');

      const listed = await fetch(`${app.url}/api/v1/admin/dead-letters`, {
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      });
      const text = await listed.text();
      expect(listed.status).toBe(200);
      expect(JSON.parse(text)).toMatchObject({
        items: [{ id: Number(poison?.id), attempts: DEAD_LETTER_AFTER, lastError: { code: 'unreadable_entry' } }],
      });
      expect(text).not.toContain(PHONE.slice(1));
      expect(text).not.toContain('1098765432');
    },
    90_000,
  );
});
