import postgres from 'postgres';
import type { Repositories } from '../../../application/ports/unit-of-work.ts';
import { loadConfig } from '../../../bootstrap/config.ts';
import { seedDemo } from '../../../bootstrap/demo/seed-demo.ts';
import { openStorage, type Storage } from '../../../bootstrap/storage.ts';
import type { Message } from '../../../domain/messaging/message.ts';
import { PHONE_NUMBER_ID, WABA_ID } from '../../builders/meta-webhook-payloads.ts';
import { spawnApp, type AppProcess } from '../../support/app-process.ts';
import { messagesOfPhone, type Read } from '../../support/desk-over-http.ts';
import { freshPostgresDatabase } from '../../support/fresh-database.ts';
import { startStubGraphApi, type StubGraphApi } from '../../support/stub-graph-api.ts';
import { APP_SECRET, phoneOf } from './meta-leads.ts';
import { eventually } from './scale.ts';

const TOKEN = 'faults-access-token';
const VERSION = 'v25.0';

export type RigCounts = { readonly pendingInbox: number; readonly queuedOutbound: number };

export type RigOptions = {
  /** The database to run on; by default a fresh one on TEST_DATABASE_URL's server, dropped on close. */
  readonly databaseUrl?: string;
  /** Extra environment for every app process (e.g. WHATSAPP_MESSAGES_PER_SECOND). */
  readonly env?: Readonly<Record<string, string>>;
};

/**
 * The app in Meta mode as child processes (`npm start`'s entry point) on one PostgreSQL database, a stub
 * Graph API on 127.0.0.1, and a reader on the same database for the assertions.
 */
export class MetaRig {
  readonly apps: AppProcess[] = [];
  readonly read: Read;
  #storage: Storage | null = null;
  #seeded = false;

  private constructor(
    readonly stub: StubGraphApi,
    readonly databaseUrl: string,
    readonly sql: postgres.Sql,
    private readonly env: Readonly<Record<string, string>>,
    private readonly dropDatabase: () => Promise<void>,
  ) {
    this.read = async <T>(f: (r: Repositories) => Promise<T>): Promise<T> => (await this.#open()).store.transaction(f);
  }

  static async start(options: RigOptions = {}): Promise<MetaRig> {
    const fresh = options.databaseUrl === undefined ? await freshPostgresDatabase() : null;
    const url = options.databaseUrl ?? fresh?.url;
    if (url === undefined) throw new Error('the fault rig needs PostgreSQL: set TEST_DATABASE_URL');
    const stub = await startStubGraphApi({
      token: TOKEN,
      version: VERSION,
      businessAccountId: WABA_ID,
      phoneNumberIds: [PHONE_NUMBER_ID],
    });
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    return new MetaRig(stub, url, sql, options.env ?? {}, fresh?.drop ?? (async () => {}));
  }

  /** The most recently started app process. */
  get app(): AppProcess {
    const app = this.apps.at(-1);
    if (app === undefined) throw new Error('no app started');
    return app;
  }

  /**
   * Starts one more app process on the rig's database. The first one finds the demo desk loaded, as
   * `npm run seed` would (Meta mode never seeds by itself).
   */
  async spawn(): Promise<AppProcess> {
    if (!this.#seeded) {
      await seedDemo((await this.#open()).store, PHONE_NUMBER_ID);
      this.#seeded = true;
    }
    const app = await spawnApp({
      DATABASE_URL: this.databaseUrl,
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: 'faults-verify',
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_BUSINESS_ACCOUNT_ID: WABA_ID,
      WHATSAPP_GRAPH_URL: this.stub.url,
      WHATSAPP_GRAPH_VERSION: VERSION,
      ...this.env,
    });
    this.apps.push(app);
    return app;
  }

  /** Everything stored for one lead's conversation, in stored order. */
  messagesOf(waId: string): Promise<Message[]> {
    return messagesOfPhone(this.read, phoneOf(waId));
  }

  async counts(): Promise<RigCounts> {
    const [row] = await this.sql<{ inbox: number; outbox: number }[]>`
      select (select count(*)::int from inbox where processed_at is null) as inbox,
             (select count(*)::int from messages where direction = 'outbound' and status = 'queued') as outbox`;
    return { pendingInbox: row?.inbox ?? -1, queuedOutbound: row?.outbox ?? -1 };
  }

  /** Waits until the inbox is empty and nothing waits in the outbox (read errors, e.g. a database outage, count as "not yet"). */
  async settle(timeoutMs = 60_000): Promise<void> {
    let last: RigCounts | string = 'no answer';
    await eventually(
      async () => {
        last = await this.counts().catch((error: unknown) => String(error));
        return typeof last !== 'string' && last.pendingInbox === 0 && last.queuedOutbound === 0 ? true : undefined;
      },
      timeoutMs,
      () =>
        `the app did not settle: ${JSON.stringify(last)}\n${this.apps
          .map((a) => a.output())
          .join('\n---\n')
          .slice(-4_000)}`,
    );
  }

  async close(): Promise<void> {
    for (const app of this.apps.splice(0).reverse()) await app.kill();
    await this.stub.close();
    await this.#storage?.close();
    await this.sql.end({ timeout: 5 });
    await this.dropDatabase();
  }

  async #open(): Promise<Storage> {
    this.#storage ??= await openStorage(loadConfig({ DATABASE_URL: this.databaseUrl, LOG_LEVEL: 'silent' }));
    return this.#storage;
  }
}
