import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { openPostgres, type Database } from '../../adapters/persistence/database.ts';
import { PostgresEventRelay } from '../../adapters/persistence/postgres-event-relay.ts';
import type { DeskEvent } from '../../application/ports/events.ts';
import { asId } from '../../domain/shared/ids.ts';
import { spawnApp } from '../support/app-process.ts';
import { postInbound } from '../support/desk-over-http.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { eventually } from '../support/eventually.ts';

const target = postgresForTests();

const visitChanged = (i: number): DeskEvent => ({
  type: 'visit_changed',
  leadId: asId(`lead-${i}`),
  visitId: asId(`visit-${i}`),
});

const until = (done: () => boolean, what: string, timeoutMs = 10_000): Promise<true> =>
  eventually(done, { what, timeoutMs });

/** One instance's event side: its database pool, its relay, what its subscribers heard and what it logged. */
const instance = (database: Database, instanceId: string) => {
  if (database.notifications === null) throw new Error('PostgreSQL has notifications');
  const hub = new InMemoryEventPublisher();
  const heard: DeskEvent[] = [];
  hub.subscribe((event) => heard.push(event));
  const logged: unknown[] = [];
  const log = (obj: object) => void logged.push((obj as { event?: unknown }).event);
  const relay = new PostgresEventRelay(database.notifications, hub, {
    instanceId,
    logger: { info: log, warn: log, error: log },
  });
  return { relay, heard, listenings: () => logged.filter((e) => e === 'desk_events_listening').length, logged };
};

describe.skipIf(target === null)('desk events across instances on one PostgreSQL', () => {
  let drop = async () => {};
  let url = '';
  const databases: Database[] = [];
  let a: ReturnType<typeof instance>;
  let b: ReturnType<typeof instance>;

  beforeAll(async () => {
    const database = await freshPostgresDatabase();
    if (database === null) throw new Error('TEST_DATABASE_URL vanished');
    ({ url, drop } = database);
    databases.push(await openPostgres(url), await openPostgres(url));
    a = instance(databases[0] as Database, 'instance-a');
    b = instance(databases[1] as Database, 'instance-b');
    await Promise.all([a.relay.listen(), b.relay.listen()]);
  });
  afterAll(async () => {
    await Promise.all([a?.relay.close(), b?.relay.close()]);
    for (const database of databases) await database.close();
    await drop();
  });

  it("tells each subscriber of every event once: its own at once, the other instance's by NOTIFY", async () => {
    a.relay.publish([visitChanged(1)]);
    expect(a.heard).toEqual([visitChanged(1)]);
    await until(() => b.heard.length === 1, 'B to hear A');
    // NOTIFYs reach a listener in commit order: once A hears 2, it has already seen (and skipped) its own 1.
    b.relay.publish([visitChanged(2)]);
    await until(() => a.heard.length === 2, 'A to hear B');
    a.relay.publish([visitChanged(3)]);
    await until(() => b.heard.length === 3, 'B to hear A again');

    expect(a.heard).toEqual([visitChanged(1), visitChanged(2), visitChanged(3)]);
    expect(b.heard).toEqual([visitChanged(1), visitChanged(2), visitChanged(3)]);
  });

  it('carries a burst too big for one NOTIFY, in order', async () => {
    const start = a.heard.length;
    const burst = Array.from({ length: 500 }, (_, i) => visitChanged(100 + i));
    b.relay.publish(burst);
    await until(() => a.heard.length === start + burst.length, 'the burst');
    expect(a.heard.slice(start)).toEqual(burst);
  });

  it('hears again after its listening connection is cut', async () => {
    const before = [a.listenings(), b.listenings()];
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const cut = await admin`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'`;
      expect(cut).toHaveLength(2);
    } finally {
      await admin.end();
    }
    await until(() => a.listenings() > (before[0] ?? 0) && b.listenings() > (before[1] ?? 0), 'both to listen again');

    const [fromA, fromB] = [a.heard.length, b.heard.length];
    b.relay.publish([visitChanged(900)]);
    a.relay.publish([visitChanged(901)]);
    await until(() => a.heard.length === fromA + 2 && b.heard.length === fromB + 2, 'events after the reconnect');
    expect(a.heard.slice(fromA)).toEqual(expect.arrayContaining([visitChanged(900), visitChanged(901)]));
    expect(b.heard.slice(fromB)).toEqual(expect.arrayContaining([visitChanged(900), visitChanged(901)]));
  });
});

describe.skipIf(target === null)('two app instances: the event stream', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('shows a client of instance A a message that instance B received', async () => {
    const database = await freshPostgresDatabase();
    if (database === null) throw new Error('TEST_DATABASE_URL vanished');
    cleanups.push(database.drop);
    const key = 'events-across-instances-admin-key-0001';
    const env = { DATABASE_URL: database.url, CRM_ADMIN_API_KEY: key };
    const first = await spawnApp(env);
    cleanups.push(first.stop);
    const second = await spawnApp(env);
    cleanups.push(second.stop);

    const stream = new AbortController();
    cleanups.push(async () => stream.abort());
    const response = await fetch(`${first.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${key}` },
      signal: stream.signal,
    });
    expect(response.status).toBe(200);
    let text = '';
    const decoder = new TextDecoder();
    void (async () => {
      for await (const chunk of response.body ?? []) text += decoder.decode(chunk as Uint8Array);
    })().catch(() => undefined);
    await until(() => text.includes(': connected'), 'the stream to open');

    expect((await postInbound(second.url, { from: '+573009990001', text: 'Hola' })).status).toBe(202);

    await until(
      () => text.includes('event: message_received') && text.includes('event: message_queued'),
      "A to stream B's events",
      20_000,
    );
    expect(text.match(/event: message_received/g)).toHaveLength(1);
  }, 120_000);
});
