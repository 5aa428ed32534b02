import { isIP } from 'node:net';
import { z } from 'zod';
import { MEDIA_HOST_PATTERN, META_MEDIA_HOSTS } from '../adapters/whatsapp/meta-cloud/media-hosts.ts';
import { defaultHousingRules, type HousingRules } from '../domain/quote/price-regime.ts';
import { err, ok, type Result } from '../domain/shared/result.ts';
import { MINUTE_MS } from '../domain/shared/time.ts';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../domain/visit/appointment-reminder.ts';
import { isLoopbackHost } from './local-addresses.ts';
import { WHATSAPP_MODES, whatsappModeIssues, whatsappModeOf, type WhatsAppMode } from './whatsapp-mode.ts';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type { WhatsAppMode };

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

/** Budgets of the HTTP edge (one place for all of them; the env variables override the defaults). */
export interface Limits {
  /** Requests per minute per API key, counted across every instance. */
  readonly apiKeyRequestsPerMinute: number;
  /** Failed authentications (missing, unknown or revoked key) per minute per client address; then 429 for any key. */
  readonly authFailuresPerMinute: number;
  /** Webhooks with a bad signature per minute per client address; good signatures are never limited. */
  readonly badSignaturesPerMinute: number;
  /** Open event streams per API key, on each instance. */
  readonly eventStreamsPerKey: number;
  /** Open event streams in total, on each instance. */
  readonly eventStreams: number;
}

export interface Config {
  readonly port: number;
  /** Interface to listen on; `null` means every interface. */
  readonly host: string | null;
  /** Postgres URL; null means the embedded PGlite database in `dataDir`. */
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  /** An admin API key accepted at boot; null when unset. */
  readonly crmAdminApiKey: string | null;
  readonly whatsapp: WhatsAppConfig;
  /** `fake` (the simulator plays Meta) only with no Meta settings at all or `WHATSAPP_MODE=fake`. */
  readonly whatsappMode: WhatsAppMode;
  readonly limits: Limits;
  /** Proxies (addresses or CIDR ranges) whose `X-Forwarded-For` names the client; none by default. */
  readonly trustedProxies: readonly string[];
  /**
   * How often the message pipeline looks for work nobody announced (retries that came due, work a crashed
   * instance left): a safety net, since storing work wakes the pipelines itself. 2 s by default.
   */
  readonly workerPollMs: number;
  /** How often expired separations are released (`RESERVATION_SWEEP_MS`, a minute by default). */
  readonly reservationSweepMs: number;
  /** SMMLV and the VIS/VIP price caps in SMMLV (`SMMLV_COP`, `SMMLV_YEAR`, `VIS_CAP_SMMLV`, `VIP_CAP_SMMLV`). */
  readonly housingRules: HousingRules;
  /** Appointment reminders: how long before (`APPOINTMENT_REMINDER_BEFORE_MINUTES`) and the template (`APPOINTMENT_REMINDER_TEMPLATE`). */
  readonly reminders: ReminderSettings;
}

export interface ConfigIssue {
  readonly variable: string;
  readonly message: string;
}

// `FOO=` in a .env file or compose file means "unset", not "the empty string".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const secret = optional(z.string());
/** Secrets that guard the whole API or every webhook: long enough that guessing is hopeless. */
const MIN_SECRET_LENGTH = 32;
const longSecret = optional(z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`));
// Ids end up in Graph API paths; Meta's are numeric, but stubs may use anything path-safe.
const graphPathSegment = z.string().regex(/^[^\s/?#]+$/, 'must be an id without spaces or slashes');
const mediaHosts = z
  .string()
  .transform((list) => list.split(',').map((host) => host.trim().toLowerCase()))
  .pipe(
    z.array(
      z
        .string()
        .regex(
          MEDIA_HOST_PATTERN,
          'must be host names separated by commas, each may start with "*." (e.g. lookaside.fbsbx.com,*.fbcdn.net)',
        ),
    ),
  );

function plainHttpOnlyToLoopback(url: string): boolean {
  // zod runs refinements after a failed `z.url()` too: that one already says what is wrong.
  if (!URL.canParse(url)) return true;
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || isLoopbackHost(hostname);
}

const positiveInt = (fallback: number) => optional(z.coerce.number().int().min(1)).default(fallback);

/** `10.0.0.1`, `10.0.0.0/8`, `fd00::/8`: the separators are commas or spaces. */
const isAddressOrRange = (entry: string): boolean => {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
};
const proxyList = optional(
  z
    .string()
    .transform((list) => list.split(/[\s,]+/).filter((entry) => entry !== ''))
    .refine((entries) => entries.every(isAddressOrRange), 'must list IP addresses or CIDR ranges, separated by commas'),
);

const EnvSchema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65_535)).default(3000),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')),
  DATA_DIR: optional(z.string()).default('./.data'),
  WHATSAPP_APP_SECRET: longSecret,
  WHATSAPP_VERIFY_TOKEN: secret,
  WHATSAPP_ACCESS_TOKEN: secret,
  WHATSAPP_PHONE_NUMBER_ID: optional(graphPathSegment),
  WHATSAPP_BUSINESS_ACCOUNT_ID: optional(graphPathSegment),
  HOST: optional(z.string().regex(/^[\w.:%-]+$/, 'must be an IP address or a host name')),
  WHATSAPP_MODE: optional(z.enum(WHATSAPP_MODES)),
  WHATSAPP_GRAPH_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      // The access token travels in every request: in clear only to a stub on this machine.
      .refine(plainHttpOnlyToLoopback, 'must be https, unless its host is loopback (127.0.0.0/8, ::1, localhost)'),
  ).default('https://graph.facebook.com'),
  WHATSAPP_GRAPH_VERSION: optional(z.string().regex(/^v\d+\.\d+$/, 'must look like v25.0')).default('v25.0'),
  WHATSAPP_MESSAGES_PER_SECOND: optional(z.coerce.number().int().min(1).max(1_000)).default(80),
  WHATSAPP_MEDIA_HOSTS: optional(mediaHosts).default([...META_MEDIA_HOSTS]),
  WHATSAPP_MEDIA_MAX_BYTES: optional(z.coerce.number().int().min(1)),
  CRM_ADMIN_API_KEY: longSecret,
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)).default('info'),
  API_KEY_REQUESTS_PER_MINUTE: positiveInt(600),
  AUTH_FAILURES_PER_MINUTE: positiveInt(20),
  WEBHOOK_BAD_SIGNATURES_PER_MINUTE: positiveInt(20),
  EVENT_STREAMS_PER_KEY: positiveInt(5),
  EVENT_STREAMS_MAX: positiveInt(200),
  TRUSTED_PROXIES: proxyList,
  WORKER_POLL_MS: positiveInt(2_000),
  RESERVATION_SWEEP_MS: positiveInt(60_000),
  // Defaults and their sources: `defaultHousingRules` (domain/quote/price-regime.ts).
  SMMLV_COP: positiveInt(defaultHousingRules.smmlv.amount),
  SMMLV_YEAR: positiveInt(defaultHousingRules.smmlvYear),
  VIS_CAP_SMMLV: positiveInt(defaultHousingRules.capSmmlv.vis),
  VIP_CAP_SMMLV: positiveInt(defaultHousingRules.capSmmlv.vip),
  // At most 30 days ahead: a reminder is about a coming appointment, not a second booking.
  APPOINTMENT_REMINDER_BEFORE_MINUTES: optional(
    z.coerce
      .number()
      .int()
      .min(1)
      .max(30 * 24 * 60),
  ).default(DEFAULT_REMINDER_SETTINGS.beforeMs / MINUTE_MS),
  APPOINTMENT_REMINDER_TEMPLATE: optional(
    z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be a WhatsApp template name: lowercase letters, digits and _'),
  ).default(DEFAULT_REMINDER_SETTINGS.templateName),
});
type Env = z.infer<typeof EnvSchema>;

/** Parses the environment; every bad variable is reported, not only the first. */
export const parseConfig = (env: NodeJS.ProcessEnv): Result<Config, readonly ConfigIssue[]> => {
  const parsed = EnvSchema.safeParse(env);
  const issues: ConfigIssue[] = [...whatsappModeIssues(env)];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ variable: String(issue.path[0] ?? '(env)'), message: issue.message });
    }
  }
  return parsed.success && issues.length === 0 ? ok(toConfig(parsed.data, whatsappModeOf(env))) : err(issues);
};

/** Fake mode is a desk on one machine: loopback unless HOST says otherwise. Meta must be reachable by Meta. */
const hostFor = (mode: WhatsAppMode, host: string | undefined): string | null =>
  host ?? (mode === 'fake' ? '127.0.0.1' : null);

const toConfig = (e: Env, whatsappMode: WhatsAppMode): Config => ({
  port: e.PORT,
  host: hostFor(whatsappMode, e.HOST),
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
  whatsappMode,
  limits: {
    apiKeyRequestsPerMinute: e.API_KEY_REQUESTS_PER_MINUTE,
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    badSignaturesPerMinute: e.WEBHOOK_BAD_SIGNATURES_PER_MINUTE,
    eventStreamsPerKey: e.EVENT_STREAMS_PER_KEY,
    eventStreams: e.EVENT_STREAMS_MAX,
  },
  trustedProxies: e.TRUSTED_PROXIES ?? [],
  workerPollMs: e.WORKER_POLL_MS,
  reservationSweepMs: e.RESERVATION_SWEEP_MS,
  housingRules: {
    smmlv: { amount: e.SMMLV_COP, currency: 'COP' },
    smmlvYear: e.SMMLV_YEAR,
    capSmmlv: { vis: e.VIS_CAP_SMMLV, vip: e.VIP_CAP_SMMLV },
  },
  reminders: {
    beforeMs: e.APPOINTMENT_REMINDER_BEFORE_MINUTES * MINUTE_MS,
    templateName: e.APPOINTMENT_REMINDER_TEMPLATE,
  },
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
