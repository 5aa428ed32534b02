import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Container } from 'inversify';
import type { Config } from './config.ts';
import { buildContainer, type Override } from './container.ts';
import { startWorkers, type Workers } from './background-workers.ts';
import { endPhoneStreams } from './fake-phone.ts';
import { openStorage, type Storage } from './storage.ts';
import { TOKENS } from './tokens.ts';

export interface StartOptions {
  /** Interface to listen on; all interfaces when omitted. */
  readonly hostname?: string;
  readonly overrides?: readonly Override<unknown>[];
  /** How long open connections (e.g. event streams) may linger after `close()` before being cut. */
  readonly closeGraceMs?: number;
  /** Runs before the server listens and the workers start (e.g. first-start seeding), so no request races it. */
  readonly prepare?: (container: Container) => Promise<void>;
  /** Storage to use (closed with the server); by default opened from the config. `null`: in memory. */
  readonly storage?: Storage | null;
}

export interface RunningServer {
  /** Base URL reachable from this machine, with the port actually bound (useful with PORT=0). */
  readonly url: string;
  readonly port: number;
  readonly container: Container;
  /** Where data lives, for the start banner. */
  readonly storageDescription: string;
  /** Stops accepting connections, waits for in-flight requests, then releases the container's resources. */
  close(): Promise<void>;
}

export const startServer = async (config: Config, options: StartOptions = {}): Promise<RunningServer> => {
  const storage = options.storage === undefined ? await openStorage(config) : options.storage;
  const container = buildContainer(config, options.overrides, storage);
  await options.prepare?.(container);
  const app = container.get(TOKENS.HttpApp);
  const server = serve({
    fetch: app.fetch,
    port: config.port,
    ...(options.hostname === undefined ? {} : { hostname: options.hostname }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    // e.g. EADDRINUSE: release what the container opened before reporting.
    await container.unbindAllAsync();
    await storage?.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const workers = startWorkers(container, {
    pollMs: config.workerPollMs,
    reservationSweepMs: config.reservationSweepMs,
  });

  const close = closer(server, container, options.closeGraceMs ?? 5_000, workers, storage);
  const storageDescription = storage?.description ?? 'in memory (data is lost on restart)';
  return { url: `http://${urlHost(options.hostname)}:${port}`, port, container, storageDescription, close };
};

/** Idempotent: a second signal or a test's afterEach may call it again. */
const closer = (
  server: ServerType,
  container: Container,
  graceMs: number,
  workers: Workers,
  storage: Storage | null,
) => {
  let closing: Promise<void> | undefined;
  return (): Promise<void> => {
    closing ??= (async () => {
      endPhoneStreams(container);
      await new Promise<void>((resolve, reject) => {
        // Long-lived responses (event streams) would hold `close()` open forever: cut them after a grace period.
        const cut = setTimeout(() => cutConnections(server), graceMs).unref();
        server.close((error) => {
          clearTimeout(cut);
          if (error === undefined) resolve();
          else reject(error);
        });
      });
      await workers.stop();
      // Runs the bindings' deactivation hooks: queues, timers; then the database goes.
      await container.unbindAllAsync();
      await storage?.close();
    })();
    return closing;
  };
};

const cutConnections = (server: object): void => {
  if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function') {
    server.closeAllConnections();
  }
};

const urlHost = (hostname: string | undefined): string => {
  if (hostname === undefined || hostname === '0.0.0.0' || hostname === '::') return '127.0.0.1';
  return hostname.includes(':') ? `[${hostname}]` : hostname;
};
