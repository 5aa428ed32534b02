import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { openStorage, type Storage } from '../../bootstrap/storage.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { asId, type WaMessageId } from '../../domain/shared/ids.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk, T0, type Desk } from '../support/desk-harness.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';

const target = postgresForTests();

/**
 * Two instances' inbox workers take a burst from one lead whose conversation is their advisor's: the
 * acknowledgement ("Ana te responde en breve") is queued once, whichever instance takes which message.
 */
describe.skipIf(target === null)('the advisor acknowledgement across two instances on one PostgreSQL', () => {
  const storages: Storage[] = [];
  let drop = async () => {};
  let b: Desk;
  let a: ReturnType<typeof buildContainer>;

  beforeAll(async () => {
    const database = await freshPostgresDatabase();
    if (database === null) throw new Error('TEST_DATABASE_URL vanished');
    drop = database.drop;
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    storages.push(await openStorage(config), await openStorage(config));
    b = await startDesk(T0, storages[1] as Storage, { DATABASE_URL: database.url });
    // Random ids on A: B's sequential ones must not collide with them. A's pipeline is never built.
    a = buildContainer(config, [override(TOKENS.Clock, new FixedClock(T0))], storages[0] as Storage);
  });
  afterAll(async () => {
    await a?.unbindAllAsync();
    await b?.container.unbindAllAsync();
    for (const storage of storages) await storage.close();
    await drop();
  });

  it('is queued once for a burst of messages that both instances drain at the same time', async () => {
    const { person, lead } = await registerThroughBot(b, '+573009990011', 'Lucía Vega');
    await b.idle();
    await b.pipeline.stop();
    const burst = Array.from({ length: 8 }, (_, n) => ({
      kind: 'message' as const,
      envelope: {
        phoneNumberId: FAKE_PHONE_NUMBER_ID,
        waMessageId: asId<WaMessageId>(`wamid.ack.${n}`),
        from: { phone: person.phone, userId: null },
        profileName: 'Lucía',
        sentAt: T0 + n,
        content: { kind: 'text' as const, body: `¿Hola? (${n})` },
      },
    }));
    await b.read(async (r) => {
      for (const entry of burst) await r.inbox.add(entry, T0);
    });

    await Promise.all([a.get(TOKENS.ProcessInbox).drain(), b.container.get(TOKENS.ProcessInbox).drain()]);

    const messages = await b.read((r) => r.messages.byLead(lead.id));
    const acks = messages.filter(
      (m) => m.direction === 'outbound' && m.content.kind === 'text' && m.content.body.startsWith('Recibimos'),
    );
    expect(messages.filter((m) => m.direction === 'inbound' && m.waMessageId.startsWith('wamid.ack.'))).toHaveLength(8);
    expect(acks.map((m) => (m.content.kind === 'text' ? m.content.body : ''))).toEqual([
      'Recibimos tu mensaje 🙌 Ana te responde en breve.',
    ]);
    expect(await b.read((r) => r.inbox.pendingCount())).toBe(0);
  });
});
