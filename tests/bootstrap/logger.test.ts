import { Writable } from 'node:stream';
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
    for (const secret of ['+573001234567', '573001234567', 'ana@example.com', 'Hola', 'cédula', 'foto', '573009999999']) {
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
