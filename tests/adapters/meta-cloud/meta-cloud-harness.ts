import { FixedClock } from '../../../adapters/clock/fixed-clock.ts';
import { InMemoryMediaStore } from '../../../adapters/memory/in-memory-media-store.ts';
import { GraphClient } from '../../../adapters/whatsapp/meta-cloud/graph-client.ts';
import type { GraphRetryPolicy } from '../../../adapters/whatsapp/meta-cloud/graph-retry.ts';
import { MetaCloudGateway } from '../../../adapters/whatsapp/meta-cloud/meta-cloud-gateway.ts';
import { ThroughputLimiter } from '../../../adapters/whatsapp/meta-cloud/throughput-limiter.ts';
import { startStubGraphApi } from '../../support/stub-graph-api.ts';

export const TOKEN = 'test-access-token';
export const VERSION = 'v25.0';
export const WABA = 'waba-7';

export type HarnessOptions = {
  readonly token?: string;
  readonly timeoutMs?: number;
  readonly retry?: Partial<GraphRetryPolicy>;
  readonly limiter?: ThroughputLimiter;
};

/**
 * The Meta adapter against a fresh stub Graph API. Back-off sleeps return at once and are recorded,
 * jitter is fixed at 0.5, and the limiter does not space messages unless a test brings its own.
 */
export const openMetaCloud = async (options: HarnessOptions = {}) => {
  const stub = await startStubGraphApi({ token: TOKEN, version: VERSION, businessAccountId: WABA });
  const sleeps: number[] = [];
  const config = {
    baseUrl: stub.url,
    version: VERSION,
    accessToken: options.token ?? TOKEN,
    businessAccountId: WABA,
    timeoutMs: options.timeoutMs ?? 2_000,
  };
  const client = new GraphClient(config, {
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
  const media = new InMemoryMediaStore();
  const limiter = options.limiter ?? new ThroughputLimiter({ recipientSpacingMs: 0 });
  const gateway = new MetaCloudGateway({ client, media, limiter, clock: new FixedClock(0) });
  return { stub, client, sleeps, media, gateway, close: () => stub.close() };
};

export type MetaCloudHarness = Awaited<ReturnType<typeof openMetaCloud>>;
