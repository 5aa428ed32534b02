import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../adapters/whatsapp/meta-cloud/webhook-payload.ts';
import {
  EVERY_INBOUND,
  entry,
  failedStatus,
  inbound,
  messagesChange,
  nextWamid,
  status,
  templateStatusChange,
  webhook,
  webhookOf,
} from '../../builders/meta-webhook-payloads.ts';

const RECEIVED_AT = 1_750_000_000_000;

describe('parseWebhook: malformed input', () => {
  it('keeps the good messages around malformed ones: unreadable payload → unsupported, no id or sender → skipped', () => {
    const good = [inbound.text('antes'), inbound.text('después')];
    const brokenImage = inbound.image('x', undefined, { image: { caption: 'no id' } });
    const noTimestamp = inbound.text('sin hora', { timestamp: 'yesterday' });
    const body = webhookOf(
      messagesChange({
        messages: [
          good[0],
          brokenImage,
          inbound.text('sin id', { id: undefined }),
          inbound.text('nadie', { from: undefined }),
          inbound.text('x', { from: 'not-a-phone' }),
          42,
          null,
          noTimestamp,
          good[1],
        ],
        statuses: [status(nextWamid(), 'sent'), status(nextWamid(), 'sent', { status: 'deleted' }), { status: 'read' }],
      }),
    );
    const result = parseWebhook(body, RECEIVED_AT);
    expect(result.ok && result.value.skipped).toBe(7);
    const entries = result.ok ? result.value.entries : [];
    expect(entries.map((e) => (e.kind === 'message' ? e.envelope.content : e.envelope.status))).toEqual([
      { kind: 'text', body: 'antes' },
      { kind: 'unsupported', type: 'image' },
      { kind: 'text', body: 'sin hora' },
      { kind: 'text', body: 'después' },
      'sent',
    ]);
    expect(entries[2]?.kind === 'message' && entries[2].envelope.sentAt).toBe(RECEIVED_AT);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['another object', { object: 'page', entry: [] }],
    ['entry not an array', { object: 'whatsapp_business_account', entry: {} }],
    ['a change without field', webhookOf({ value: {} })],
    ['messages without metadata', webhookOf({ field: 'messages', value: { messages: [inbound.text()] } })],
    [
      'messages not an array',
      webhookOf({ field: 'messages', value: { metadata: { phone_number_id: '1' }, messages: {} } }),
    ],
    [
      'a template update without name',
      webhookOf({ field: 'message_template_status_update', value: { event: 'APPROVED' } }),
    ],
  ])('refuses %s as a whole, saying where', (_name, body) => {
    const result = parseWebhook(body, RECEIVED_AT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual(expect.any(String));
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'treats the type name %s as just a name',
    (type) => {
      const body = JSON.parse(`{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{
      "metadata":{"phone_number_id":"1"},"messages":[{"id":"w1","from":"16505551234","type":"${type}","${type}":{}}]}}]}]}`);
      const result = parseWebhook(body, RECEIVED_AT);
      expect(
        result.ok && result.value.entries[0]?.kind === 'message' && result.value.entries[0].envelope.content,
      ).toEqual({
        kind: 'unsupported',
        type,
      });
    },
  );

  it('allows unknown properties anywhere (Meta keeps adding them)', () => {
    const message = { ...inbound.text('hi'), referral: { source_type: 'ad' } };
    const body = {
      ...webhook({ ...entry({ ...messagesChange({ messages: [message] }), extra: 1 }), time: 1 }),
      novelty: true,
    };
    const result = parseWebhook(body, RECEIVED_AT);
    expect(result.ok && result.value.entries).toHaveLength(1);
  });
});

describe('parseWebhook: properties', () => {
  it('never throws, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => void parseWebhook(JSON.parse(text), RECEIVED_AT)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.anything(), (value) => void parseWebhook(value, RECEIVED_AT)),
      { numRuns: 500 },
    );
  });

  it('inside a valid envelope, anything as messages or statuses is either an entry or skipped, never a failure', () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), fc.array(fc.anything()), (messages, statuses) => {
        const result = parseWebhook(webhookOf(messagesChange({ messages, statuses })), RECEIVED_AT);
        expect(result.ok && result.value.entries.length + result.value.skipped).toBe(messages.length + statuses.length);
      }),
    );
  });

  const anyInbound = fc.constantFrom(...EVERY_INBOUND).map((build) => build());
  const anyStatus = fc
    .constantFrom('sent', 'delivered', 'read', 'played', 'failed' as const)
    .map((s) => (s === 'failed' ? failedStatus(nextWamid()) : status(nextWamid(), s)));
  const anyChange = fc.oneof(
    fc.record({ messages: fc.array(anyInbound, { maxLength: 5 }) }).map((c) => ({ ...c, change: messagesChange(c) })),
    fc.record({ statuses: fc.array(anyStatus, { maxLength: 5 }) }).map((c) => ({ ...c, change: messagesChange(c) })),
    fc.constant({ change: templateStatusChange('t') }),
  );

  it('for any valid payload, entries = messages + statuses, in order, nothing skipped', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyChange, { maxLength: 3 }), { maxLength: 3 }), (entries) => {
        const changes = entries.flat();
        const items = changes.flatMap((c) => [
          ...('messages' in c ? c.messages : []),
          ...('statuses' in c ? c.statuses : []),
        ]);
        const body = JSON.stringify(webhook(...entries.map((cs) => entry(...cs.map((c) => c.change)))));
        const result = parseWebhook(JSON.parse(body), RECEIVED_AT);
        const ids = items.map((m) => m['id']);
        expect(result.ok && result.value.entries.map((e) => e.envelope.waMessageId)).toEqual(ids);
        expect(result.ok && result.value.skipped).toBe(0);
      }),
    );
  });
});
