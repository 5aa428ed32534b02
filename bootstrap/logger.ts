import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.ts';

/**
 * The app's logger. Convention: `log.info({ event: 'lead_assigned', leadId }, 'Lead assigned')` —
 * `event` is a snake_case verb phrase that dashboards and tests can match on; the message is for humans.
 */
export type Logger = PinoLogger;

// Personal data (Colombian data law) and secrets. Matched at any of the first three levels, so
// `{ lead: { contact: { phone } } }` is covered too without listing every shape.
const SENSITIVE_KEYS = [
  'phone',
  'phoneNumber',
  'phoneE164',
  'waId',
  'wa_id',
  'email',
  'profileName',
  'body',
  'text',
  'caption',
  'to',
  'from',
  'authorization',
  'cookie',
  'accessToken',
  'appSecret',
  'verifyToken',
  'apiKey',
  'crmAdminApiKey',
  'password',
  'databaseUrl',
] as const;

export const REDACT_PATHS: readonly string[] = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
export const REDACTED = '[redacted]';

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where JSON lines go; defaults to stdout (pretty-printed when stdout is a terminal). */
  readonly destination?: DestinationStream;
}

export const createLogger = ({ level, destination }: LoggerOptions): Logger => {
  const options = {
    level,
    base: { service: 'lead-desk' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
  };
  if (destination !== undefined) return pino(options, destination);
  // Pretty output only for people at a terminal; pipes and containers get JSON for the log shipper.
  // pino-pretty runs in-process (no worker transport), so tsx and tests need no extra setup.
  return process.stdout.isTTY ? pino(options, pretty({ colorize: true, sync: true })) : pino(options);
};
