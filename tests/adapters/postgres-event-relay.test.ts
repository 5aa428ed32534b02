import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import type { Notifications } from '../../adapters/persistence/database.ts';
import {
  decodeNotification,
  encodeNotifications,
  MAX_PAYLOAD_BYTES,
} from '../../adapters/persistence/event-notification.ts';
import { PostgresEventRelay } from '../../adapters/persistence/postgres-event-relay.ts';
import type { DeskEvent } from '../../application/ports/events.ts';
import { asId } from '../../domain/shared/ids.ts';
import { notificationHub } from '../support/notification-hub.ts';

const received = (i: number): DeskEvent => ({
  type: 'message_received',
  conversationId: asId(`conversation-${i}`),
  leadId: asId(`lead-${i}`),
  messageId: asId(`message-${i}`),
});

const recordingLogger = () => {
  const entries: { level: string; event: unknown }[] = [];
  const at = (level: string) => (obj: object) =>
    void entries.push({ level, event: (obj as { event?: unknown }).event });
  return { entries, info: at('info'), warn: at('warn'), error: at('error') };
};

const instance = (notifications: Notifications, instanceId: string) => {
  const hub = new InMemoryEventPublisher();
  const heard: DeskEvent[] = [];
  hub.subscribe((event) => heard.push(event));
  const logger = recordingLogger();
  return { relay: new PostgresEventRelay(notifications, hub, { instanceId, logger, gatherMs: 0 }), heard, logger };
};

describe('PostgresEventRelay (over an in-memory channel)', () => {
  it('tells local subscribers at once, the other instance once, and does not echo its own events', async () => {
    const channel = notificationHub();
    const a = instance(channel.notifications, 'a');
    const b = instance(channel.notifications, 'b');
    await Promise.all([a.relay.listen(), b.relay.listen()]);

    a.relay.publish([received(1)]);
    expect(a.heard).toEqual([received(1)]);
    b.relay.publish([received(2)]);
    await Promise.all([a.relay.close(), b.relay.close()]);

    expect(a.heard).toEqual([received(1), received(2)]);
    expect(b.heard).toEqual([received(2), received(1)]);
    expect(a.logger.entries).toContainEqual({ level: 'info', event: 'desk_events_listening' });
  });

  it('splits a burst into payloads under the NOTIFY limit, heard in order', async () => {
    const channel = notificationHub();
    const a = instance(channel.notifications, 'a');
    const b = instance(channel.notifications, 'b');
    await a.relay.listen();
    const burst = Array.from({ length: 1_000 }, (_, i) => received(i));

    b.relay.publish(burst.slice(0, 10));
    b.relay.publish(burst.slice(10));
    await b.relay.close();

    expect(a.heard).toEqual(burst);
    expect(channel.sent.length).toBeGreaterThan(1);
    for (const payload of channel.sent) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
  });

  it('never throws when NOTIFY fails: local subscribers still hear, the failure is logged', async () => {
    const down = notificationHub();
    down.fail(true);
    const a = instance(down.notifications, 'a');

    expect(() => a.relay.publish([received(1)])).not.toThrow();
    expect(a.heard).toEqual([received(1)]);
    await a.relay.close();
    expect(a.logger.entries).toContainEqual({ level: 'error', event: 'desk_events_notify_failed' });
  });

  it('ignores payloads that are not desk events and event types it does not know', async () => {
    const channel = notificationHub();
    const a = instance(channel.notifications, 'a');
    await a.relay.listen();

    channel.deliver('not json');
    channel.deliver(JSON.stringify({ from: 'b', events: [{ type: 'lead_archived', leadId: 'l1' }, received(3)] }));

    expect(a.heard).toEqual([received(3)]);
    expect(a.logger.entries).toContainEqual({ level: 'warn', event: 'desk_events_notification_unreadable' });
  });
});

describe('event notifications', () => {
  it('fit each payload in the limit and decode back to the same events, in order', () => {
    const event = fc.nat({ max: 10_000 }).map(received);
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 300 }),
        fc.integer({ min: 300, max: MAX_PAYLOAD_BYTES }),
        (events, maxBytes) => {
          const payloads = encodeNotifications('instance-1', events, maxBytes);
          for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(maxBytes);
          const decoded = payloads.map(decodeNotification);
          expect(decoded.every((n) => n?.from === 'instance-1')).toBe(true);
          expect(decoded.flatMap((n) => n?.events ?? [])).toEqual(events);
        },
      ),
    );
  });
});
