import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDirectory } from '../adapters/persistence/private-directory.ts';
import type { Config } from './config.ts';

/** Where the admin key came from, for the start banner: only a key we generated is shown, and only at a terminal. */
export type AdminKey =
  | { readonly source: 'generated'; readonly key: string; readonly file: string }
  | { readonly source: 'env' }
  | { readonly source: 'none' };

export const ADMIN_KEY_FILE = 'crm-admin-api-key';

/**
 * The admin API key. `CRM_ADMIN_API_KEY` wins. Without it, the fake-WhatsApp demo makes one on first start
 * and keeps it in `DATA_DIR` (0700) as a 0600 file, so the simulator keeps working across restarts; Meta mode
 * never makes one up (a production deployment chooses its own secret).
 */
export const withAdminApiKey = (config: Config): { readonly config: Config; readonly adminKey: AdminKey } => {
  if (config.crmAdminApiKey !== null) return { config, adminKey: { source: 'env' } };
  if (config.whatsappMode !== 'fake') return { config, adminKey: { source: 'none' } };
  ensurePrivateDirectory(config.dataDir);
  const file = join(config.dataDir, ADMIN_KEY_FILE);
  const key = readOrCreateKey(file);
  return { config: { ...config, crmAdminApiKey: key }, adminKey: { source: 'generated', key, file } };
};

// As long as config asks of CRM_ADMIN_API_KEY: a shorter one in the file counts as damaged and is replaced.
const KEY_SHAPE = /^[A-Za-z0-9_-]{32,200}$/;

const readKey = (file: string): string | null => {
  try {
    const key = readFileSync(file, 'utf8').trim();
    return KEY_SHAPE.test(key) ? key : null;
  } catch {
    return null;
  }
};

const readOrCreateKey = (file: string): string => {
  const existing = readKey(file);
  if (existing !== null) return existing;
  const key = `demo_admin_${randomBytes(24).toString('base64url')}`;
  try {
    // `wx`: two instances starting at once on one DATA_DIR agree on the first key written.
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const raced = readKey(file);
    if (raced !== null) return raced;
    // An empty or damaged file (a crash mid-write): replace it.
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return key;
  }
};
