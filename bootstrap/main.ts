import { withAdminApiKey, type AdminKey } from './admin-api-key.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { Logger } from './logger.ts';
import { startServer, type RunningServer } from './server.ts';
import { startBanner } from './start-banner.ts';
import { TOKENS } from './tokens.ts';
import { seedOnFirstStart, type FirstStart } from './demo/seed-on-first-start.ts';

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

const logStarted = (logger: Logger, config: Config, adminKey: AdminKey, server: RunningServer): void => {
  // On loopback (or every interface) `localhost` is what a person types, and what a browser treats as secure.
  const url = server.url.replace('://127.0.0.1:', '://localhost:');
  // A generated key only for a person at a terminal: a log line is shipped, kept and shared.
  const showKey = process.stdout.isTTY === true;
  const { fields, message } = startBanner({ url, config, adminKey, database: server.storageDescription, showKey });
  logger.info({ ...fields, port: server.port }, message);
};

/** Says, loudly, what kind of desk this is and what it still needs. */
const logMode = (logger: Logger, config: Config, firstStart: FirstStart): void => {
  if (config.whatsappMode === 'fake') {
    logger.warn(
      { event: 'fake_whatsapp_enabled', whatsappMode: 'fake' },
      'WhatsApp is the fake WhatsApp: leads are played in the simulator and nothing reaches Meta. ' +
        'For production set WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN and WHATSAPP_PHONE_NUMBER_ID',
    );
  }
  if (firstStart === 'seeded') {
    logger.info({ event: 'demo_data_seeded' }, 'First start: loaded the demo catalogue, advisors, templates and line');
  }
  if (firstStart === 'empty') {
    logger.warn(
      { event: 'business_lines_missing' },
      'No business line is configured, so webhooks are acknowledged and ignored. Configure the desk with the CRM API ' +
        '(PUT /api/v1/lines/{id} with the phoneNumberId and an advisor group, PUT /api/v1/projects/{id}, …), ' +
        'or load the demo data for a trial with `npm run seed`',
    );
  }
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

const { config, adminKey } = withAdminApiKey(readConfig());
let firstStart: FirstStart = 'configured';
const server = await startServer(config, {
  ...(config.host === null ? {} : { hostname: config.host }),
  prepare: async (container) => {
    firstStart = await seedOnFirstStart(container, config);
  },
});
const logger = server.container.get(TOKENS.Logger);
process.on('unhandledRejection', (reason) => {
  logger.error({ event: 'promise_rejection_unhandled', err: reason }, 'Unhandled promise rejection');
});
logMode(logger, config, firstStart);
logStarted(logger, config, adminKey, server);
stopOnSignals(logger, server);
