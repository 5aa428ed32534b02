import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultBotSettings } from '../../adapters/memory/default-bot-settings.ts';
import { openPglite, openPostgres, type Database } from '../../adapters/persistence/database.ts';
import { toLeadRow } from '../../adapters/persistence/drizzle-lead-repository.ts';
import { DrizzleUnitOfWork } from '../../adapters/persistence/drizzle-unit-of-work.ts';
import { leads } from '../../adapters/persistence/schema.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import { createLogger } from '../../bootstrap/logger.ts';
import {
  PHONE_NUMBER_ID,
  WABA_ID,
  contact,
  inbound,
  messagesChange,
  sign,
  webhookOf,
} from '../builders/meta-webhook-payloads.ts';
import { anInboundMessage } from '../builders/inbound-message-builder.ts';
import { aLead } from '../builders/lead-builder.ts';
import { spawnApp, type AppProcess } from '../support/app-process.ts';
import { openTestDatabases, type TestDatabase } from '../support/database.ts';
import { freshPostgresDatabase } from '../support/fresh-database.ts';
import { postgresForTests } from '../support/require-postgres.ts';
import { startStubGraphApi } from '../support/stub-graph-api.ts';
import { eventually } from '../support/eventually.ts';

/** What a lead typed: an e-mail, a phone and an ID number, none of which may reach a log line. */
const PHONE = '+573001234567';
const EMAIL = 'ana.lopez@example.com';
const BODY = `Hola, soy Ana López: ${EMAIL}, celular ${PHONE}, cédula 1020304050`;
const PERSONAL = [PHONE, '573001234567', '3001234567', EMAIL, 'ana.lopez', 'cédula', '1020304050', 'López'];

const expectNothingPersonal = (text: string): void => {
  for (const value of PERSONAL) expect(text, `the log contains ${value}`).not.toContain(value);
};

/** The app's own logger writing into a string. */
const capturedLogger = () => {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), text: () => text };
};

const failureOf = async (work: Promise<unknown>): Promise<Error> => {
  const outcome = await work.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('the write was expected to fail');
  return outcome;
};

for (const target of await openTestDatabases()) {
  describe(`storage errors in the log on ${target.name}`, () => {
    let database: TestDatabase | null = null;
    beforeAll(async () => {
      database = await target.create();
    });
    afterAll(async () => {
      await database?.close();
    });
    const uow = async () => {
      if (database === null) throw new Error('database not open');
      await database.reset();
      return new DrizzleUnitOfWork(database.db, {
        defaultSettings: defaultBotSettings,
        autocommitSingles: target.name === 'postgres',
      });
    };

    it('a message stored twice (unique violation) is logged by type, SQLSTATE and constraint, without its words', async () => {
      const work = await uow();
      const first = anInboundMessage().withId('message-dup').saying(BODY).build();
      await work.transaction((repos) => repos.messages.addInbound(first));
      const error = await failureOf(
        work.transaction((repos) =>
          repos.messages.addInbound({ ...first, waMessageId: 'wamid.other' as typeof first.waMessageId }),
        ),
      );

      const { logger, text } = capturedLogger();
      logger.error({ event: 'worker_tick_failed', err: error }, 'Background worker failed; next tick retries');
      logger.error({ event: 'inbox_entry_failed', inboxId: 1, error: error.message }, 'Inbox entry failed; will retry');
      expectNothingPersonal(text());
      expect(text()).toContain('23505');
      expect(text()).toContain('messages_pkey');
      const [tick] = text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { err: Record<string, unknown> });
      expect(tick?.err).toMatchObject({
        type: 'StorageError',
        code: '23505',
        constraint: 'messages_pkey',
        table: 'messages',
      });
    });

    it("a lead whose phone is taken is logged without the phone PostgreSQL names in the error's detail", async () => {
      const work = await uow();
      const lead = aLead().withPhone(PHONE).withEmail(EMAIL).build();
      await work.transaction((repos) => repos.leads.save(lead));
      const other = { ...lead, id: 'lead-other' as typeof lead.id, name: BODY };
      // Through the repository (a domain conflict), and straight through drizzle (the driver's error).
      const conflict = await failureOf(work.transaction((repos) => repos.leads.save(other)));
      const raw = await failureOf(database?.db.insert(leads).values(toLeadRow(other)) ?? Promise.resolve());

      const { logger, text } = capturedLogger();
      logger.error(
        { event: 'http_request_failed', err: conflict, method: 'POST', path: '/api/v1/leads' },
        'Unhandled error',
      );
      logger.error(
        { event: 'http_request_failed', err: raw, method: 'POST', path: '/api/v1/leads' },
        'Unhandled error',
      );
      expectNothingPersonal(text());
      expect(text()).toContain('leads_phone_unique');
      expect(text()).toContain('23505');
    });

    it('a data error is logged without the value PostgreSQL quotes in its message', async () => {
      const work = await uow();
      // A NUL in a message body (text columns refuse it), and a value of the wrong type quoted back by PostgreSQL.
      const nul = await failureOf(
        work.transaction((repos) => repos.messages.addInbound(anInboundMessage().saying(`${BODY}\u0000`).build())),
      );
      const quoted = await failureOf(
        database?.db.execute(sql`select ${PHONE}::uuid, ${EMAIL}::int`) ?? Promise.resolve(),
      );

      const { logger, text } = capturedLogger();
      logger.error({ event: 'inbox_entry_failed', inboxId: 1, error: nul.message }, 'Inbox entry failed; will retry');
      logger.error({ event: 'worker_tick_failed', err: nul }, 'Background worker failed; next tick retries');
      logger.error({ event: 'http_request_failed', err: quoted }, 'Unhandled error');
      expectNothingPersonal(text());
      for (const code of ['22021', '22P02']) expect(text()).toContain(code);
      expect(text()).toContain('invalid input syntax for type uuid: …');
    });
  });
}

/** A Meta-mode app as a child process, against a stub Graph API, on a database prepared beforehand. */
const APP_SECRET = 'storage-logs-app-secret-0123456789abcdef';
const TOKEN = 'storage-logs-access-token-0123456789abcdef';
const metaEnv = (graphUrl: string): Record<string, string> => ({
  LOG_LEVEL: 'info',
  WHATSAPP_ACCESS_TOKEN: TOKEN,
  WHATSAPP_APP_SECRET: APP_SECRET,
  WHATSAPP_VERIFY_TOKEN: 'storage-logs-verify-token-0123456789abcdef',
  WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
  WHATSAPP_BUSINESS_ACCOUNT_ID: WABA_ID,
  WHATSAPP_GRAPH_URL: graphUrl,
  WHATSAPP_GRAPH_VERSION: 'v25.0',
});

/** The demo desk on the line, and a rule the lead's message breaks: the storage failure the app must log. */
const prepare = async (database: Database): Promise<void> => {
  await seedDemo(new DrizzleUnitOfWork(database.db, { defaultSettings: defaultBotSettings }), PHONE_NUMBER_ID);
  await database.db.execute(
    sql`alter table messages add constraint messages_forced_failure check (body is null or length(body) < 20) not valid`,
  );
  await database.close();
};

const postWebhook = async (app: AppProcess, text: string): Promise<Response> => {
  const waId = PHONE.slice(1);
  const body = JSON.stringify(
    webhookOf(
      messagesChange({ messages: [inbound.text(text, { from: waId })], contacts: [contact(waId, 'Ana López')] }),
    ),
  );
  return fetch(`${app.url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(APP_SECRET, body) },
    body,
  });
};

const logged = (app: AppProcess, event: string): Promise<true> =>
  eventually(() => app.output().includes(`"event":"${event}"`), {
    what: `${event} in the log`,
    timeoutMs: 20_000,
    intervalMs: 100,
    detail: () => app.output(),
  });

describe('the app logging its own storage failures (child process)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const stub = async () => {
    const graph = await startStubGraphApi({
      token: TOKEN,
      version: 'v25.0',
      businessAccountId: WABA_ID,
      phoneNumberIds: [PHONE_NUMBER_ID],
    });
    cleanups.push(graph.close);
    return graph;
  };

  it.skipIf(postgresForTests() === null)(
    'on PostgreSQL: a failing inbox entry and a failing webhook log codes and constraints, not what the lead wrote',
    async () => {
      const fresh = await freshPostgresDatabase();
      if (fresh === null) throw new Error('TEST_DATABASE_URL vanished');
      cleanups.push(fresh.drop);
      await prepare(await openPostgres(fresh.url));
      const app = await spawnApp({ ...metaEnv((await stub()).url), DATABASE_URL: fresh.url });
      cleanups.push(app.stop);

      expect((await postWebhook(app, BODY)).status).toBe(200);
      await logged(app, 'inbox_entry_failed');

      // Now the webhook itself cannot be stored: the request fails and the app logs why.
      const admin = postgres(fresh.url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`alter table inbox add constraint inbox_forced_failure check (kind <> 'message') not valid`);
      await admin.end();
      expect((await postWebhook(app, `Otra vez: ${BODY}`)).status).toBe(500);
      await logged(app, 'http_request_failed');

      expectNothingPersonal(app.output());
      for (const fact of ['23514', 'messages_forced_failure', 'inbox_forced_failure'])
        expect(app.output()).toContain(fact);
    },
  );

  it('on PGlite: a failing inbox entry logs its code and constraint, not what the lead wrote', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lead-desk-storage-logs-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    await prepare(await openPglite(dataDir));
    const app = await spawnApp({ ...metaEnv((await stub()).url), DATA_DIR: dataDir });
    cleanups.push(app.stop);

    expect((await postWebhook(app, BODY)).status).toBe(200);
    await logged(app, 'inbox_entry_failed');
    expectNothingPersonal(app.output());
    for (const fact of ['23514', 'messages_forced_failure']) expect(app.output()).toContain(fact);
  });
});
