import { pino, type DestinationStream, type LogFn, type Logger as PinoLogger } from 'pino';
import pretty from 'pino-pretty';
import type { LogLevel } from './config.ts';
import { safeError, safeMessageOf } from './log-errors.ts';

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

/**
 * `logger.error(error)` and `logger.error({ err })` without a message of their own log the error's message
 * as `msg`, before any serializer runs: give them the value-free one instead.
 */
function withSafeErrorMessage(this: PinoLogger, args: Parameters<LogFn>, method: LogFn): void {
  const [first, second, ...rest] = args as unknown[];
  if (typeof second !== 'string' && typeof first === 'object' && first !== null) {
    const error =
      first instanceof Error ? first : ((first as { err?: unknown }).err ?? (first as { error?: unknown }).error);
    const message = safeMessageOf(error);
    if (message !== undefined) {
      const fields = first instanceof Error ? { err: first } : first;
      (method as (...a: unknown[]) => void).apply(
        this,
        second === undefined ? [fields, message] : [fields, message, second, ...rest],
      );
      return;
    }
  }
  (method as (...a: unknown[]) => void).apply(this, args);
}

export const createLogger = ({ level, destination }: LoggerOptions): Logger => {
  const options = {
    level,
    base: { service: 'lead-desk' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    // Errors keep their codes and names, never the values of a failed statement (see log-errors.ts).
    serializers: { err: safeError, error: safeError },
    hooks: { logMethod: withSafeErrorMessage },
  };
  if (destination !== undefined) return pino(options, destination);
  // Pretty output only for people at a terminal; pipes and containers get JSON for the log shipper.
  // pino-pretty runs in-process (no worker transport), so tsx and tests need no extra setup.
  return process.stdout.isTTY ? pino(options, pretty({ colorize: true, sync: true })) : pino(options);
};
