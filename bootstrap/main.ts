import { ConfigError, loadConfig, type Config } from './config.ts';
import type { Logger } from './logger.ts';
import { startServer, type RunningServer } from './server.ts';
import { TOKENS } from './tokens.ts';
import { seedOnFirstStart } from './demo/seed-on-first-start.ts';

const SHUTDOWN_TIMEOUT_MS = 10_000;

const readConfig = (): Config => {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Before a logger exists: a plain message a person can act on.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
};

const whatsappLabel = (config: Config): string =>
  config.whatsappMode === 'fake'
    ? 'fake (no WHATSAPP_ACCESS_TOKEN)'
    : `meta (${config.whatsapp.graphUrl}/${config.whatsapp.graphVersion})`;

const logStarted = (logger: Logger, config: Config, server: RunningServer): void => {
  const urls = { url: server.url, health: `${server.url}/health`, ready: `${server.url}/ready` };
  const whatsapp = whatsappLabel(config);
  const database = server.storageDescription;
  logger.info(
    { event: 'server_started', ...urls, port: server.port, whatsapp, whatsappMode: config.whatsappMode, database },
    `Lead desk listening on ${server.url} — health ${urls.health} — WhatsApp: ${whatsapp} — database: ${database}`,
  );
};

const stopOnSignals = (logger: Logger, server: RunningServer): void => {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now".
      logger.warn({ event: 'server_killed', signal }, 'Forced exit');
      process.exit(1);
    }
    stopping = true;
    logger.info({ event: 'server_stopping', signal }, `Received ${signal}, draining connections`);
    setTimeout(() => {
      logger.error({ event: 'server_stop_timed_out', signal }, 'Shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    server.close().then(
      () => {
        logger.info({ event: 'server_stopped', signal }, 'Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ event: 'server_stop_failed', err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
};

const config = readConfig();
let seeded = false;
const server = await startServer(config, {
  prepare: async (container) => {
    seeded = await seedOnFirstStart(container, config);
  },
});
const logger = server.container.get(TOKENS.Logger);
process.on('unhandledRejection', (reason) => {
  logger.error({ event: 'promise_rejection_unhandled', err: reason }, 'Unhandled promise rejection');
});
if (seeded) {
  logger.info({ event: 'demo_data_seeded' }, 'First start: loaded the demo catalogue, advisors, templates and line');
}
logStarted(logger, config, server);
stopOnSignals(logger, server);
