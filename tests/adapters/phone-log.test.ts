import { describe, expect, it } from 'vitest';
import { PhoneLog, type PhoneLogEvent } from '../../adapters/whatsapp/fake/phone-log.ts';
import type { PhoneMessage } from '../../adapters/whatsapp/fake/phone-message.ts';

const ANA = '+573001234567';
const message = (waMessageId: string, from: PhoneMessage['from'], at = 1_000): PhoneMessage => ({
  waMessageId,
  from,
  at,
  kind: 'text',
  text: waMessageId,
  header: null,
  footer: null,
  buttons: [],
  list: null,
  template: null,
  media: null,
  choice: null,
  status: from === 'lead' ? 'delivered' : 'sent',
});

describe('PhoneLog', () => {
  it('moves a status forward only, and tells listeners each change', () => {
    const log = new PhoneLog();
    const heard: PhoneLogEvent[] = [];
    log.subscribe((e) => heard.push(e));
    log.add(ANA, null, message('out.1', 'business'));

    log.advance('out.1', 'read');
    log.advance('out.1', 'delivered');

    expect(log.messagesOf(ANA).map((m) => m.status)).toEqual(['read']);
    expect(heard.map((e) => (e.type === 'closed' ? e.type : `${e.type}:${e.message.status}`))).toEqual([
      'phone_message:sent',
      'phone_message_updated:read',
    ]);
    expect(log.advance('out.unknown', 'read')).toBe(false);
  });

  it('reads every earlier message of the lead with the one marked read, as WhatsApp does', () => {
    const log = new PhoneLog();
    for (const [id, from] of [
      ['in.1', 'lead'],
      ['out.1', 'business'],
      ['in.2', 'lead'],
      ['in.3', 'lead'],
    ] as const)
      log.add(ANA, null, message(id, from));

    log.readUpTo('in.2');

    expect(log.messagesOf(ANA).map((m) => `${m.waMessageId}:${m.status}`)).toEqual([
      'in.1:read',
      'out.1:sent',
      'in.2:read',
      'in.3:delivered',
    ]);
  });

  it('lists phones most recently active first, keeping the last name given, and ignores a repeated id', () => {
    const log = new PhoneLog();
    log.add(ANA, 'Ana', message('in.1', 'lead', 1_000));
    log.add('+573009998877', null, message('in.2', 'lead', 2_000));
    log.add(ANA, null, message('out.1', 'business', 3_000));
    log.add(ANA, null, message('out.1', 'business', 3_000));

    expect(log.phones()).toEqual([
      { phone: ANA, name: 'Ana', lastAt: 3_000, messageCount: 2 },
      { phone: '+573009998877', name: null, lastAt: 2_000, messageCount: 1 },
    ]);
  });

  it('stops telling a listener once it unsubscribes, and says `closed` to everyone when it closes', () => {
    const log = new PhoneLog();
    const gone: PhoneLogEvent[] = [];
    const staying: PhoneLogEvent[] = [];
    log.subscribe((e) => staying.push(e));
    const unsubscribe = log.subscribe((e) => gone.push(e));
    unsubscribe();
    log.subscribe(() => {
      throw new Error('a broken listener');
    });

    log.add(ANA, null, message('in.1', 'lead'));
    log.close();
    const late: PhoneLogEvent[] = [];
    log.subscribe((e) => late.push(e));

    expect(gone).toEqual([]);
    expect(staying.map((e) => e.type)).toEqual(['phone_message', 'closed']);
    expect(late).toEqual([{ type: 'closed' }]);
  });
});
