import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_KEY_FILE, withAdminApiKey } from '../../bootstrap/admin-api-key.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { startBanner } from '../../bootstrap/start-banner.ts';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'admin-key-')), 'data');
const META = {
  WHATSAPP_ACCESS_TOKEN: 't',
  WHATSAPP_APP_SECRET: 'test-app-secret-0123456789abcdef0123',
  WHATSAPP_VERIFY_TOKEN: 'v',
  WHATSAPP_PHONE_NUMBER_ID: '1234567890',
};
const MINE = 'test-admin-key-0123456789abcdef01234';

describe('the admin API key at start', () => {
  it('is generated once in fake mode, in a 0600 file in a new 0700 DATA_DIR, then reused', () => {
    const dir = freshDir();
    const first = withAdminApiKey(loadConfig({ DATA_DIR: dir }));
    const second = withAdminApiKey(loadConfig({ DATA_DIR: dir }));

    expect(first.config.crmAdminApiKey).toMatch(/^demo_admin_[\w-]{32}$/);
    expect(second.config.crmAdminApiKey).toBe(first.config.crmAdminApiKey);
    expect(first.adminKey).toEqual({
      source: 'generated',
      key: first.config.crmAdminApiKey,
      file: join(dir, ADMIN_KEY_FILE),
    });
    expect(statSync(join(dir, ADMIN_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('closes a DATA_DIR others could read', () => {
    const dir = freshDir();
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    withAdminApiKey(loadConfig({ DATA_DIR: dir }));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('replaces a damaged key file', () => {
    const dir = freshDir();
    withAdminApiKey(loadConfig({ DATA_DIR: dir }));
    writeFileSync(join(dir, ADMIN_KEY_FILE), '');

    const { config } = withAdminApiKey(loadConfig({ DATA_DIR: dir }));

    expect(readFileSync(join(dir, ADMIN_KEY_FILE), 'utf8').trim()).toBe(config.crmAdminApiKey);
  });

  it('is the CRM_ADMIN_API_KEY when set, and none in Meta mode without one, writing nothing', () => {
    const dir = freshDir();
    expect(withAdminApiKey(loadConfig({ DATA_DIR: dir, CRM_ADMIN_API_KEY: MINE }))).toMatchObject({
      config: { crmAdminApiKey: MINE },
      adminKey: { source: 'env' },
    });
    expect(withAdminApiKey(loadConfig({ DATA_DIR: dir, ...META }))).toMatchObject({
      config: { crmAdminApiKey: null },
      adminKey: { source: 'none' },
    });
    expect(() => statSync(dir)).toThrow();
  });
});

describe('the start banner', () => {
  const url = 'http://localhost:3000';

  const generated = { source: 'generated', key: 'demo_admin_k', file: '.data/k' } as const;

  it('at a terminal, links the simulator with the generated key, and prints the key', () => {
    const { message, fields } = startBanner({
      url,
      config: loadConfig({}),
      adminKey: generated,
      database: 'pglite',
      showKey: true,
    });
    expect(message.split('\n')).toEqual([
      'Lead desk listening on http://localhost:3000',
      '  Interface:     127.0.0.1',
      '  WhatsApp:      fake: play leads in the simulator; nothing reaches Meta',
      '  Database:      pglite',
      '  Health:        http://localhost:3000/health  (ready: http://localhost:3000/ready)',
      '  API docs:      http://localhost:3000/docs  (OpenAPI: http://localhost:3000/api/v1/openapi.json)',
      '  Simulator:     http://localhost:3000/simulator#key=demo_admin_k',
      '  Admin API key: demo_admin_k  (generated for this demo, kept in .data/k)',
    ]);
    expect(JSON.stringify(fields)).not.toContain('demo_admin_k');
  });

  it('anywhere else (a log), says where the generated key is instead of printing it', () => {
    const { message, fields } = startBanner({
      url,
      config: loadConfig({}),
      adminKey: generated,
      database: 'pglite',
      showKey: false,
    });
    expect(message).not.toContain('demo_admin_k');
    expect(message).toContain('  Simulator:     http://localhost:3000/simulator  (sign in with the key in .data/k)');
    expect(message).toContain('  Admin API key: generated for this demo, in .data/k (shown only at a terminal)');
    expect(fields).toMatchObject({ adminKeySource: 'generated', adminKeyFile: '.data/k', host: '127.0.0.1' });
  });

  it('never prints a key it was given, and says what to set in Meta mode', () => {
    const env = startBanner({
      url,
      config: loadConfig({ CRM_ADMIN_API_KEY: MINE }),
      adminKey: { source: 'env' },
      database: 'pglite',
      showKey: true,
    });
    const meta = startBanner({
      url,
      config: loadConfig(META),
      adminKey: { source: 'none' },
      database: 'pglite',
      showKey: true,
    });

    expect(env.message).toContain(
      'Simulator:     http://localhost:3000/simulator  (sign in with the CRM_ADMIN_API_KEY you set)',
    );
    expect(env.message).not.toContain(MINE);
    expect(meta.message).not.toContain('Simulator');
    expect(meta.message).toContain('Interface:     all interfaces');
    expect(meta.message).toContain('Admin API key: none; set CRM_ADMIN_API_KEY to use the CRM API');
  });
});
