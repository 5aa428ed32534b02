import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { PostgresWorkSignal } from '../../adapters/persistence/postgres-work-signal.ts';
import { startWorkers, type Workers } from '../../bootstrap/background-workers.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { openStorage, type Storage } from '../../bootstrap/storage.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { asId, type UserId, type WaMessageId } from '../../domain/shared/ids.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { phone } from '../builders/phone.ts';
import { startDesk, T0, type Desk } from '../support/desk-harness.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { actorNamed } from '../support/lead-desk-routes.ts';
import { postgresForTests } from '../support/require-postgres.ts';

const target = postgresForTests();

/** Far longer than "promptly": whatever B does within `PROMPTLY_MS` it did because it was told. */
const SAFETY_POLL_MS = 60_000;
const PROMPTLY_MS = 5_000;

const until = async (done: () => boolean, what: string): Promise<number> => {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > PROMPTLY_MS) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
};

const listening = async (desk: { container: Desk['container'] }): Promise<void> => {
  const signal = desk.container.get(TOKENS.WorkSignal);
  if (!(signal instanceof PostgresWorkSignal)) throw new Error('PostgreSQL storage announces work by NOTIFY');
  await signal.listen();
};

describe.skipIf(target === null)('the message pipeline across two instances on one PostgreSQL', () => {
  const storages: Storage[] = [];
  let drop = async () => {};
  let workersOfB: Workers | null = null;
  /** B: the desk that works, with only a slow poll besides the wake-ups. */
  let b: Desk;
  /** A: stores work and answers nothing; its pipeline does not run. */
  let a: ReturnType<typeof buildContainer>;

  beforeAll(async () => {
    const database = await freshPostgresDatabase();
    if (database === null) throw new Error('TEST_DATABASE_URL vanished');
    drop = database.drop;
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    storages.push(await openStorage(config), await openStorage(config));
    b = await startDesk(T0, storages[1] as Storage, { DATABASE_URL: database.url });
    workersOfB = startWorkers(b.container, SAFETY_POLL_MS);
    // Random ids on A: B's sequential ones must not collide with them.
    a = buildContainer(config, [override(TOKENS.Clock, new FixedClock(T0))], storages[0] as Storage);
    // A's pipeline hears nothing: only B can take what A stores.
    await a.get(TOKENS.MessagePipeline).stop();
    await Promise.all([listening(b), listening({ container: a })]);
  });
  afterAll(async () => {
    await workersOfB?.stop();
    await a?.unbindAllAsync();
    await b?.container.unbindAllAsync();
    for (const storage of storages) await storage.close();
    await drop();
  });

  it("processes and answers a message A stored, at once, though A's pipeline is not running", async () => {
    const from = '+573009990001';
    const envelope = {
      phoneNumberId: FAKE_PHONE_NUMBER_ID,
      waMessageId: asId<WaMessageId>('wamid.across.1'),
      from: { phone: phone(from), userId: null },
      profileName: 'Irene',
      sentAt: T0,
      content: { kind: 'text' as const, body: 'Hola' },
    };

    const report = await a.get(TOKENS.MessagePipeline).receive([{ kind: 'message', envelope }]);
    expect(report.stored).toBe(1);

    const took = await until(() => b.whatsapp.sentTo(from).length >= 2, "B's answer");
    expect(took).toBeLessThan(PROMPTLY_MS);
    expect(a.get(TOKENS.FakeWhatsApp).sent).toEqual([]);
    expect(await b.read((r) => r.inbox.pendingCount())).toBe(0);
  });

  it('sends a message an advisor queued on A, at once, though A does not send', async () => {
    const { person, lead } = await registerThroughBot(b, '+573009990002', 'Julián Mora');
    const before = b.whatsapp.sentTo(person.phone).length;

    const queued = await a.get(TOKENS.SendAgentMessage).execute({
      actor: actorNamed('admin'),
      leadId: lead.id,
      author: asId<UserId>('u-ana'),
      content: { kind: 'text', body: 'Hola Julián, soy Ana' },
    });
    expect(queued.ok).toBe(true);

    await until(() => b.whatsapp.sentTo(person.phone).length > before, 'B to send it');
    expect(b.whatsapp.sentTo(person.phone).at(-1)?.content).toEqual({ kind: 'text', body: 'Hola Julián, soy Ana' });
    expect(a.get(TOKENS.FakeWhatsApp).sent).toEqual([]);
  });
});
