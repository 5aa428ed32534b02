import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bootstrap/config.ts';
import { openStorage } from '../../bootstrap/storage.ts';
import { messagesOfPhone, postInbound, type Read } from '../support/desk-over-http.ts';
import { spawnApp, type AppProcess } from '../support/app-process.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { eventually } from '../support/eventually.ts';

const LEADS = 24;
const phoneOf = (i: number) => `+5730080${String(i).padStart(5, '0')}`;
const script = (i: number) => [
  { text: 'Hola' },
  { text: `lead${i}@correo.com` },
  { choice: { id: 'consent:yes', title: 'Acepto' } },
  { text: 'asesor' },
];
/** Replies of a clean, in-order run: welcome + question, consent buttons, filter buttons, advisor. */
const REPLIES = 5;

const messagesOf = (read: Read, i: number) => messagesOfPhone(read, phoneOf(i));

const postgres = postgresForTests();

describe('two app instances on one PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it.skipIf(postgres === null)(
    'process a burst from many leads once each, in order per lead, and share the leads fairly',
    async () => {
      const database = await freshPostgresDatabase();
      if (database === null) throw new Error('TEST_DATABASE_URL vanished');
      cleanups.push(database.drop);
      const env = { DATABASE_URL: database.url };
      const first = await spawnApp(env);
      cleanups.push(first.stop);
      const second = await spawnApp(env);
      cleanups.push(second.stop);
      const instances: AppProcess[] = [first, second];

      // Each lead's messages alternate between the instances, as a load balancer would spread them.
      await Promise.all(
        Array.from({ length: LEADS }, async (_, i) => {
          for (const [k, step] of script(i).entries()) {
            const response = await postInbound((instances[(i + k) % 2] as AppProcess).url, {
              from: phoneOf(i),
              ...step,
            });
            expect(response.status).toBe(202);
          }
        }),
      );

      const storage = await openStorage(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }));
      cleanups.push(storage.close);
      const read: Read = (f) => storage.store.transaction(f);
      const allMessages = () => Promise.all(Array.from({ length: LEADS }, (_, i) => messagesOf(read, i)));
      await eventually(
        async () => {
          const done = (await allMessages()).every(
            (ms) => ms.filter((m) => m.direction === 'outbound' && m.status === 'sent').length >= REPLIES,
          );
          return done && (await read((r) => r.inbox.pendingCount())) === 0;
        },
        {
          what: 'both instances to catch up',
          timeoutMs: 60_000,
          intervalMs: 200,
          detail: async () => {
            const counts = (await allMessages()).map(
              (ms, i) =>
                `${i}: ${ms.filter((m) => m.direction === 'inbound').length} in, ${ms.map((m) => (m.direction === 'outbound' ? m.status : 'in')).join(',')}`,
            );
            const pending = await read((r) => r.inbox.pendingCount());
            return `inbox ${pending}:\n${counts.join('\n')}\n${first.output()}\n${second.output()}`;
          },
        },
      );

      for (let i = 0; i < LEADS; i++) {
        const messages = await messagesOf(read, i);
        expect(messages.filter((m) => m.direction === 'inbound')).toHaveLength(4);
        expect(messages.filter((m) => m.direction === 'outbound')).toHaveLength(REPLIES);
        const last = messages.at(-1);
        expect(last?.direction === 'outbound' && last.content.kind === 'text' ? last.content.body : '').toContain(
          'será tu asesor(a)',
        );
      }
      const leads = await read((r) => r.leads.list());
      expect(leads).toHaveLength(LEADS);
      const loads = ['u-ana', 'u-carlos', 'u-valentina'].map((id) => leads.filter((l) => l.advisorId === id).length);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    },
    180_000,
  );
});
