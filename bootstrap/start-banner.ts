import type { AdminKey } from './admin-api-key.ts';
import type { Config } from './config.ts';

export type BannerInput = {
  /** The base URL as people should type it. */
  readonly url: string;
  readonly config: Config;
  readonly adminKey: AdminKey;
  readonly database: string;
  /**
   * Whether a person reads this at a terminal (stdout is a TTY): only then is a generated key shown.
   * Anywhere else the banner is a log line, and logs are shipped, kept and shared.
   */
  readonly showKey: boolean;
};

const whatsappLabel = (config: Config): string =>
  config.whatsappMode === 'fake'
    ? 'fake: play leads in the simulator; nothing reaches Meta'
    : `Meta Cloud API (${config.whatsapp.graphUrl}/${config.whatsapp.graphVersion})`;

const keyLine = (adminKey: AdminKey, showKey: boolean): string => {
  switch (adminKey.source) {
    case 'generated':
      return showKey
        ? `${adminKey.key}  (generated for this demo, kept in ${adminKey.file})`
        : `generated for this demo, in ${adminKey.file} (shown only at a terminal)`;
    case 'env':
      return 'the CRM_ADMIN_API_KEY you set';
    case 'none':
      return 'none; set CRM_ADMIN_API_KEY to use the CRM API';
  }
};

const simulatorLink = (url: string, adminKey: AdminKey, showKey: boolean): string => {
  if (adminKey.source !== 'generated') return `${url}/simulator  (sign in with the CRM_ADMIN_API_KEY you set)`;
  return showKey
    ? `${url}/simulator#key=${adminKey.key}`
    : `${url}/simulator  (sign in with the key in ${adminKey.file})`;
};

/** The start log: what a person needs to use the app, as readable lines; the essentials as fields, never the key. */
export const startBanner = ({ url, config, adminKey, database, showKey }: BannerInput) => {
  const fake = config.whatsappMode === 'fake';
  const rows: [string, string][] = [
    ['Interface', config.host ?? 'all interfaces'],
    ['WhatsApp', whatsappLabel(config)],
    ['Database', database],
    ['Health', `${url}/health  (ready: ${url}/ready)`],
    ['API docs', `${url}/docs  (OpenAPI: ${url}/api/v1/openapi.json)`],
    ...(fake ? [['Simulator', simulatorLink(url, adminKey, showKey)] as [string, string]] : []),
    ['Admin API key', keyLine(adminKey, showKey)],
  ];
  const message = [
    `Lead desk listening on ${url}`,
    ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(15)}${value}`),
  ].join('\n');
  const fields = {
    event: 'server_started',
    url,
    host: config.host,
    health: `${url}/health`,
    ready: `${url}/ready`,
    whatsappMode: config.whatsappMode,
    database,
    adminKeySource: adminKey.source,
    ...(adminKey.source === 'generated' ? { adminKeyFile: adminKey.file } : {}),
  };
  return { fields, message };
};
