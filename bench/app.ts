import { spawnNode, runNode, type Child } from './child.ts';
import { storageEnv, type BenchDatabase } from './database.ts';
import { httpClient, type HttpClient } from './http-client.ts';
import { sampleRss, type RssSampler } from './rss.ts';

/** Credentials the bench gives the app and signs with; they guard nothing outside this run. */
export const SECRETS = {
  accessToken: 'bench-access-token',
  appSecret: 'bench-app-secret-0123456789abcdef01234',
  verifyToken: 'bench-verify-token',
  adminKey: 'bench-admin-api-key-0123456789abcdef012',
} as const;
/** The line's Meta phone-number id: the demo data is attached to it. */
export const PHONE_NUMBER_ID = '106540352242922';
export const GRAPH_VERSION = 'v25.0';

export type AppOptions = {
  readonly database: BenchDatabase;
  readonly graphUrl: string;
  readonly messagesPerSecond: number;
  readonly concurrency: number;
  /** Extra node flags for the app, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
};

export type RunningApp = {
  readonly child: Child;
  readonly client: HttpClient;
  readonly rss: RssSampler;
  /** Stops the app; returns its peak RSS in bytes. */
  stop(): Promise<number>;
};

/** The app's environment: Meta mode against the stub, quiet logs, the bench's database. */
export const appEnv = (
  options: Pick<AppOptions, 'database' | 'graphUrl' | 'messagesPerSecond'>,
): Record<string, string> => ({
  ...storageEnv(options.database),
  LOG_LEVEL: 'warn',
  WHATSAPP_ACCESS_TOKEN: SECRETS.accessToken,
  WHATSAPP_APP_SECRET: SECRETS.appSecret,
  WHATSAPP_VERIFY_TOKEN: SECRETS.verifyToken,
  WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
  // No template sync against the stub.
  WHATSAPP_BUSINESS_ACCOUNT_ID: '',
  WHATSAPP_GRAPH_URL: options.graphUrl,
  WHATSAPP_GRAPH_VERSION: GRAPH_VERSION,
  WHATSAPP_MESSAGES_PER_SECOND: String(options.messagesPerSecond),
  CRM_ADMIN_API_KEY: SECRETS.adminKey,
  // The outbound phase queues thousands of sends with one key: far past a CRM's budget, still counted.
  API_KEY_REQUESTS_PER_MINUTE: '1000000',
});

/** `npm run seed`'s entry point: the demo catalogue, advisors and templates, attached to the bench's line. */
export const seedDatabase = (options: Pick<AppOptions, 'database' | 'graphUrl'>): Promise<void> =>
  runNode('bootstrap/seed.ts', appEnv({ ...options, messagesPerSecond: 80 }));

/** Starts `bootstrap/main.ts` as a child process, its RSS sampled from /proc every 250 ms. */
export const startApp = async (options: AppOptions): Promise<RunningApp> => {
  const child = await spawnNode('bootstrap/main.ts', appEnv(options), options.nodeArgs ?? []);
  const client = httpClient(child.url, options.concurrency);
  const rss = sampleRss(child.pid, 250);
  return {
    child,
    client,
    rss,
    stop: async () => {
      rss.stop();
      const peak = rss.peak();
      client.close();
      await child.stop();
      return peak;
    },
  };
};
