import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../../bootstrap/logger.ts';

/** Captures what the logger writes, one parsed JSON line per entry. */
const capture = (level: 'info' | 'warn' = 'info') => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
};

describe('createLogger', () => {
  it('writes JSON with the event name, level and ISO time', () => {
    const { logger, lines } = capture();
    logger.info({ event: 'lead_assigned', leadId: 'lead_1' }, 'Lead assigned');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event: 'lead_assigned', leadId: 'lead_1', msg: 'Lead assigned', level: 30 });
    expect(String(lines[0]?.['time'])).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts phones, emails and message bodies at the top level and nested', () => {
    const { logger, lines } = capture();
    logger.info({
      event: 'whatsapp_message_received',
      phone: '+573001234567',
      email: 'ana@example.com',
      body: 'Hola, quiero info',
      to: '+573001234567',
      from: '+573009999999',
      lead: { phone: '+573001234567', email: 'ana@example.com', contact: { phone: '+573001234567' } },
      message: { text: 'Mi cédula es 123', caption: 'foto', from: '573001234567' },
    });
    const out = JSON.stringify(lines[0]);
    for (const secret of [
      '+573001234567',
      '573001234567',
      'ana@example.com',
      'Hola',
      'cédula',
      'foto',
      '573009999999',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      event: 'whatsapp_message_received',
      phone: REDACTED,
      lead: { phone: REDACTED, email: REDACTED, contact: { phone: REDACTED } },
      message: { text: REDACTED, from: REDACTED },
    });
  });

  it('redacts credentials in request headers and configuration', () => {
    const { logger, lines } = capture();
    logger.info({
      req: { method: 'GET', headers: { authorization: 'Bearer k-123', 'user-agent': 'crm' } },
      config: { whatsapp: { accessToken: 'EAAG-1', appSecret: 's3' }, databaseUrl: 'postgres://u:pw@h/db' },
    });
    const out = JSON.stringify(lines[0]);
    for (const secret of ['k-123', 'EAAG-1', 's3', 'pw@h']) expect(out).not.toContain(secret);
    expect(lines[0]).toMatchObject({ req: { method: 'GET', headers: { 'user-agent': 'crm' } } });
  });

  it('keeps ids and other non-personal fields readable', () => {
    const { logger, lines } = capture();
    logger.warn({ event: 'whatsapp_send_failed', leadId: 'lead_9', errorCode: 131047 });
    expect(lines[0]).toMatchObject({ leadId: 'lead_9', errorCode: 131047 });
  });

  it('honours the level', () => {
    const { logger, lines } = capture('warn');
    logger.info({ event: 'noise' });
    logger.warn({ event: 'signal' });
    expect(lines.map((l) => l['event'])).toEqual(['signal']);
  });
});

/**
 * Database errors as the drivers throw them. Drizzle wraps every failed statement in a `DrizzleQueryError`
 * whose message lists the parameters; PostgreSQL's `detail` names the key's value; PGlite keeps the
 * parameters on its error too. None of it may reach a log line.
 */
describe('errors in the log', () => {
  const PHONE = '+573001234567';
  const EMAIL = 'ana.lopez@example.com';
  const BODY = 'Mi cédula es 1020304050';
  const INSERT = 'insert into "leads" ("id", "phone", "email", "name") values ($1, $2, $3, $4)';
  const PARAMS = ['lead_1', PHONE, EMAIL, BODY];
  const personal = [PHONE, '3001234567', EMAIL, 'cédula', '1020304050'];

  /** What postgres.js throws: the statement and its parameters as non-enumerable properties. */
  const postgresJsError = () =>
    Object.defineProperties(
      new postgres.PostgresError({
        message: 'duplicate key value violates unique constraint "leads_phone_unique"',
        severity_local: 'ERROR',
        severity: 'ERROR',
        code: '23505',
        detail: `Key (phone)=(${PHONE}) already exists.`,
        schema_name: 'public',
        table_name: 'leads',
        constraint_name: 'leads_phone_unique',
        routine: '_bt_check_unique',
      } as unknown as ConstructorParameters<typeof postgres.PostgresError>[0]),
      { query: { value: INSERT, enumerable: false }, parameters: { value: PARAMS, enumerable: false } },
    );

  /** What PGlite throws: the same facts under other names, and the parameters as plain fields. */
  const pgliteError = () =>
    Object.assign(new Error('value too long for type character varying(20)'), {
      name: 'error',
      severity: 'ERROR',
      code: '22001',
      detail: `Failing row contains (lead_1, ${PHONE}, ${EMAIL}).`,
      where: `unnamed portal parameter $2 = '${PHONE}'`,
      schema: 'public',
      table: 'leads',
      column: 'phone',
      constraint: undefined,
      query: INSERT,
      params: PARAMS,
      queryOptions: { rowMode: 'object' },
    });

  for (const [driver, driverError] of [
    ['postgres.js', postgresJsError],
    ['PGlite', pgliteError],
  ] as const) {
    it(`logs a failed statement on ${driver} with its type, SQL text, SQLSTATE and names, and no parameter value`, () => {
      const { logger, lines } = capture();
      const cause = driverError();
      logger.error(
        { event: 'worker_tick_failed', err: new DrizzleQueryError(INSERT, PARAMS, cause) },
        'Background worker failed',
      );
      logger.error(
        { event: 'http_request_failed', error: new DrizzleQueryError(INSERT, PARAMS, cause) },
        'Unhandled error',
      );

      const out = JSON.stringify(lines);
      for (const value of personal) expect(out).not.toContain(value);
      for (const line of lines) {
        const logged = (line['err'] ?? line['error']) as Record<string, unknown>;
        expect(logged).toMatchObject({
          type: 'DrizzleQueryError',
          message: `Failed query: ${INSERT}`,
          code: cause.code,
          table: 'leads',
          cause: { code: cause.code, table: 'leads' },
        });
        expect(String(logged['stack'])).toContain(`Failed query: ${INSERT}`);
      }
      if (driver === 'postgres.js') {
        expect(lines[0]?.['err']).toMatchObject({
          constraint: 'leads_phone_unique',
          cause: { type: 'PostgresError', constraint: 'leads_phone_unique' },
        });
      } else {
        expect(lines[0]?.['err']).toMatchObject({
          column: 'phone',
          cause: { message: 'value too long for type character varying(20)' },
        });
      }
      expect(out).not.toMatch(/detail|"where"|params|parameters|queryOptions/);
    });
  }

  it('gives an error logged without a message of its own the value-free message', () => {
    const { logger, lines } = capture();
    logger.error(new DrizzleQueryError(INSERT, PARAMS, postgresJsError()));
    logger.error({ event: 'x', err: new DrizzleQueryError(INSERT, PARAMS, pgliteError()) });
    for (const value of personal) expect(JSON.stringify(lines)).not.toContain(value);
    expect(lines.map((line) => line['msg'])).toEqual([`Failed query: ${INSERT}`, `Failed query: ${INSERT}`]);
  });

  it('masks the values PostgreSQL quotes in a data error message', () => {
    const { logger, lines } = capture();
    const outOfRange = Object.assign(new Error(`value "${PHONE}" is out of range for type integer`), {
      code: '22003',
      severity: 'ERROR',
    });
    const badSyntax = Object.assign(new Error(`invalid input syntax for type uuid: "${EMAIL}"`), {
      code: '22P02',
      severity: 'ERROR',
    });
    logger.error({ event: 'x', err: outOfRange });
    logger.error({ event: 'y', err: badSyntax });
    const out = JSON.stringify(lines);
    for (const value of personal) expect(out).not.toContain(value);
    expect(lines[0]?.['err']).toMatchObject({ code: '22003', message: 'value "…" is out of range for type integer' });
    expect(lines[1]?.['err']).toMatchObject({ code: '22P02', message: 'invalid input syntax for type uuid: …' });
  });

  it("strips the parameters from a failed statement's message logged as text", () => {
    const { logger, lines } = capture();
    const message = new DrizzleQueryError(INSERT, PARAMS, postgresJsError()).message;
    logger.error({ event: 'inbox_entry_failed', inboxId: 7, error: message });
    for (const value of personal) expect(JSON.stringify(lines)).not.toContain(value);
    expect(lines[0]).toMatchObject({ inboxId: 7, error: `Failed query: ${INSERT}` });
  });

  it('keeps ordinary errors readable: type, message, stack, network codes and the cause chain', () => {
    const { logger, lines } = capture();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
    });
    logger.error({ event: 'readiness_check_failed', err: new TypeError('fetch failed', { cause: refused }) });
    expect(lines[0]?.['err']).toMatchObject({
      type: 'TypeError',
      message: 'fetch failed',
      stack: expect.stringContaining('TypeError: fetch failed'),
      cause: {
        type: 'Error',
        message: 'connect ECONNREFUSED 127.0.0.1:5432',
        code: 'ECONNREFUSED',
        errno: -111,
        syscall: 'connect',
      },
    });
  });

  it('survives a cause cycle and values that are not errors', () => {
    const { logger, lines } = capture();
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;
    logger.error({ event: 'x', err: a, error: 42 });
    expect(lines[0]?.['err']).toMatchObject({ message: 'a', cause: { message: 'b' } });
    expect(lines[0]?.['error']).toBe(42);
  });
});
