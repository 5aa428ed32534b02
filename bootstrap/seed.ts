import { ConfigError, loadConfig } from './config.ts';
import { FAKE_PHONE_NUMBER_ID } from '../adapters/whatsapp/fake/fake-whatsapp.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { createLogger } from './logger.ts';
import { openStorage } from './storage.ts';

/**
 * `npm run seed`: loads the demo catalogue, advisors, templates and the default line into the configured
 * database (PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR). Idempotent: run it as often as you like.
 */
const config = (() => {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
})();
const logger = createLogger({ level: config.logLevel });
const storage = await openStorage(config);
try {
  const phoneNumberId = config.whatsapp.phoneNumberId ?? FAKE_PHONE_NUMBER_ID;
  await seedDemo(storage.store, phoneNumberId);
  logger.info(
    { event: 'demo_data_seeded', storage: storage.description, phoneNumberId },
    `Demo data loaded into ${storage.description}, attached to line ${phoneNumberId}`,
  );
} finally {
  await storage.close();
}
