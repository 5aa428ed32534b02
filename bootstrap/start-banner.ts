import type { AdminKey } from './admin-api-key.ts';
import type { Config } from './config.ts';

export type BannerInput = {
  /** The base URL as people should type it. */
  readonly url: string;
  readonly config: Config;
  readonly adminKey: AdminKey;
  readonly database: string;
};

const whatsappLabel = (config: Config): string =>
  config.whatsappMode === 'fake'
    ? 'fake (no WHATSAPP_ACCESS_TOKEN): play leads in the simulator'
    : `Meta Cloud API (${config.whatsapp.graphUrl}/${config.whatsapp.graphVersion})`;

const keyLine = (adminKey: AdminKey): string => {
  switch (adminKey.source) {
    case 'generated':
      return `${adminKey.key}  (generated for this demo, kept in ${adminKey.file})`;
    case 'env':
      return 'the CRM_ADMIN_API_KEY you set';
    case 'none':
      return 'none; set CRM_ADMIN_API_KEY to use the CRM API';
  }
};

const simulatorLink = (url: string, adminKey: AdminKey): string =>
  adminKey.source === 'generated'
    ? `${url}/simulator#key=${adminKey.key}`
    : `${url}/simulator  (sign in with the CRM_ADMIN_API_KEY you set)`;

/** The start log: what a person needs to use the app, as readable lines; the essentials as fields, never the key. */
export const startBanner = ({ url, config, adminKey, database }: BannerInput) => {
  const fake = config.whatsappMode === 'fake';
  const rows: [string, string][] = [
    ['WhatsApp', whatsappLabel(config)],
    ['Database', database],
    ['Health', `${url}/health  (ready: ${url}/ready)`],
    ['API docs', `${url}/docs  (OpenAPI: ${url}/api/v1/openapi.json)`],
    ...(fake ? [['Simulator', simulatorLink(url, adminKey)] as [string, string]] : []),
    ['Admin API key', keyLine(adminKey)],
  ];
  const message = [`Lead desk listening on ${url}`, ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(15)}${value}`)].join('\n');
  const fields = {
    event: 'server_started',
    url,
    health: `${url}/health`,
    ready: `${url}/ready`,
    whatsappMode: config.whatsappMode,
    database,
    adminKeySource: adminKey.source,
  };
  return { fields, message };
};
