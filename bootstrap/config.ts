import { z } from 'zod';
import { MEDIA_HOST_PATTERN, META_MEDIA_HOSTS } from '../adapters/whatsapp/meta-cloud/media-hosts.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type WhatsAppMode = 'fake' | 'meta';

export interface WhatsAppConfig {
  readonly appSecret: string | null;
  readonly verifyToken: string | null;
  readonly accessToken: string | null;
  /** The default business line (Meta phone-number id). */
  readonly phoneNumberId: string | null;
  /** Needed only for template sync. */
  readonly businessAccountId: string | null;
  /** Graph API base URL without a trailing slash, so it can point at a stub. */
  readonly graphUrl: string;
  readonly graphVersion: string;
  /** Messages per second per business line (Meta: 80 by default, up to 1,000 after an upgrade). */
  readonly messagesPerSecond: number;
  /** Hosts a lead's file may be downloaded from with our token (`*.x.com`: any host under it); the Graph host always may. */
  readonly mediaHosts: readonly string[];
  /** A cap on a lead's file below WhatsApp's own per kind (5 MB images … 100 MB documents); `null`: WhatsApp's. */
  readonly mediaMaxBytes: number | null;
}

export interface Config {
  readonly port: number;
  /** Postgres URL; null means the embedded PGlite database in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** An admin API key accepted at boot; null when unset. */
  readonly crmAdminApiKey: string | null;
  readonly whatsapp: WhatsAppConfig;
  /** `fake` when there is no WHATSAPP_ACCESS_TOKEN: the simulator plays Meta. */
  readonly whatsappMode: WhatsAppMode;
}

export interface ConfigIssue {
  readonly variable: string;
  readonly message: string;
}

// `FOO=` in a .env file or compose file means "unset", not "the empty string".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const secret = optional(z.string());
// Ids end up in Graph API paths; Meta's are numeric, but stubs may use anything path-safe.
const graphPathSegment = z.string().regex(/^[^\s/?#]+$/, 'must be an id without spaces or slashes');
const mediaHosts = z
  .string()
  .transform((list) => list.split(',').map((host) => host.trim().toLowerCase()))
  .pipe(z.array(z.string().regex(MEDIA_HOST_PATTERN, 'must be host names separated by commas, each may start with "*." (e.g. lookaside.fbsbx.com,*.fbcdn.net)')));

const EnvSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65_535)).default(3000),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')),
  DATA_DIR: optional(z.string()).default('./.data'),
  WHATSAPP_APP_SECRET: secret,
  WHATSAPP_VERIFY_TOKEN: secret,
  WHATSAPP_ACCESS_TOKEN: secret,
  WHATSAPP_PHONE_NUMBER_ID: optional(graphPathSegment),
  WHATSAPP_BUSINESS_ACCOUNT_ID: optional(graphPathSegment),
  WHATSAPP_GRAPH_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })).default(
    'https://graph.facebook.com',
  ),
  WHATSAPP_GRAPH_VERSION: optional(z.string().regex(/^v\d+\.\d+$/, 'must look like v25.0')).default('v25.0'),
  WHATSAPP_MESSAGES_PER_SECOND: optional(z.coerce.number().int().min(1).max(1_000)).default(80),
  WHATSAPP_MEDIA_HOSTS: optional(mediaHosts).default([...META_MEDIA_HOSTS]),
  WHATSAPP_MEDIA_MAX_BYTES: optional(z.coerce.number().int().min(1)),
  CRM_ADMIN_API_KEY: secret,
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)).default('info'),
});
type Env = z.infer<typeof EnvSchema>;

/** Without these Meta mode cannot verify or even subscribe webhooks: refuse to boot rather than drop messages. */
const REQUIRED_IN_META_MODE = ['WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'] as const;

/** Parses the environment; every bad variable is reported, not only the first. */
export const parseConfig = (env: NodeJS.ProcessEnv): Result<Config, readonly ConfigIssue[]> => {
  const parsed = EnvSchema.safeParse(env);
  const issues: ConfigIssue[] = [...metaModeIssues(env)];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ variable: String(issue.path[0] ?? '(env)'), message: issue.message });
    }
  }
  return parsed.success && issues.length === 0 ? ok(toConfig(parsed.data)) : err(issues);
};

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

const metaModeIssues = (env: NodeJS.ProcessEnv): ConfigIssue[] =>
  isSet(env['WHATSAPP_ACCESS_TOKEN'])
    ? REQUIRED_IN_META_MODE.filter((name) => !isSet(env[name])).map((variable) => ({
        variable,
        message: 'is required when WHATSAPP_ACCESS_TOKEN is set',
      }))
    : [];

const toConfig = (e: Env): Config => ({
  port: e.PORT,
  databaseUrl: e.DATABASE_URL ?? null,
  dataDir: e.DATA_DIR,
  logLevel: e.LOG_LEVEL,
  crmAdminApiKey: e.CRM_ADMIN_API_KEY ?? null,
  whatsapp: {
    appSecret: e.WHATSAPP_APP_SECRET ?? null,
    verifyToken: e.WHATSAPP_VERIFY_TOKEN ?? null,
    accessToken: e.WHATSAPP_ACCESS_TOKEN ?? null,
    phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID ?? null,
    businessAccountId: e.WHATSAPP_BUSINESS_ACCOUNT_ID ?? null,
    graphUrl: e.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''),
    graphVersion: e.WHATSAPP_GRAPH_VERSION,
    messagesPerSecond: e.WHATSAPP_MESSAGES_PER_SECOND,
    mediaHosts: e.WHATSAPP_MEDIA_HOSTS,
    mediaMaxBytes: e.WHATSAPP_MEDIA_MAX_BYTES ?? null,
  },
  whatsappMode: e.WHATSAPP_ACCESS_TOKEN === undefined ? 'fake' : 'meta',
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(['Invalid configuration:', ...issues.map((i) => `  - ${i.variable}: ${i.message}`)].join('\n'));
  }
}

/** Like `parseConfig`, for the composition root: throws a `ConfigError` listing each bad variable. */
export const loadConfig = (env: NodeJS.ProcessEnv): Config => {
  const result = parseConfig(env);
  if (!result.ok) throw new ConfigError(result.error);
  return result.value;
};
