import { describe, expect, it } from 'vitest';
import { InProcessWorkSignal } from '../../adapters/memory/in-process-work-signal.ts';
import { PostgresWorkSignal } from '../../adapters/persistence/postgres-work-signal.ts';
import type { Work } from '../../application/ports/work-signal.ts';
import { notificationHub } from '../support/notification-hub.ts';

const logger = () => {
  const events: unknown[] = [];
  const log = (obj: object) => void events.push((obj as { event?: unknown }).event);
  return { events, info: log, warn: log, error: log };
};

const heardBy = (signal: { subscribe(listener: (work: Work) => void): () => void }) => {
  const heard: Work[] = [];
  const stop = signal.subscribe((work) => heard.push(work));
  return { heard, stop };
};

describe('InProcessWorkSignal', () => {
  it('tells every listener at once, survives one that throws, and stops telling one that left', () => {
    const signal = new InProcessWorkSignal();
    signal.subscribe(() => {
      throw new Error('a broken listener');
    });
    const first = heardBy(signal);
    const second = heardBy(signal);

    signal.announce('inbox');
    second.stop();
    signal.announce('outbox');

    expect(first.heard).toEqual(['inbox', 'outbox']);
    expect(second.heard).toEqual(['inbox']);
  });
});

describe('PostgresWorkSignal', () => {
  it('wakes its own instance at once and the other by NOTIFY, never itself twice', async () => {
    const pg = notificationHub({ notifyDelayMs: 2 });
    const a = new PostgresWorkSignal(pg.notifications, { instanceId: 'a', logger: logger() });
    const b = new PostgresWorkSignal(pg.notifications, { instanceId: 'b', logger: logger() });
    await Promise.all([a.listen(), b.listen()]);
    const onA = heardBy(a);
    const onB = heardBy(b);

    a.announce('inbox');
    expect(onA.heard).toEqual(['inbox']);
    expect(onB.heard).toEqual([]);
    await a.close();

    expect(onB.heard).toEqual(['inbox']);
    expect(onA.heard).toEqual(['inbox']);
  });

  it('shares one NOTIFY among the announcements made while one is on its way', async () => {
    const pg = notificationHub({ notifyDelayMs: 2 });
    const a = new PostgresWorkSignal(pg.notifications, { instanceId: 'a', logger: logger() });
    const b = new PostgresWorkSignal(pg.notifications, { instanceId: 'b', logger: logger() });
    await b.listen();
    const onB = heardBy(b);

    for (let i = 0; i < 50; i++) a.announce(i % 2 === 0 ? 'inbox' : 'outbox');
    await a.close();

    // The first of each kind, then one more for all that came while it was sent.
    expect(pg.sent.length).toBeLessThanOrEqual(4);
    expect(new Set(onB.heard)).toEqual(new Set(['inbox', 'outbox']));
  });

  it('logs a NOTIFY that fails and a payload it cannot read, and still wakes its own instance', async () => {
    const pg = notificationHub({ notifyDelayMs: 2 });
    const log = logger();
    const a = new PostgresWorkSignal(pg.notifications, { instanceId: 'a', logger: log });
    await a.listen();
    const onA = heardBy(a);
    pg.fail(true);

    a.announce('outbox');
    pg.deliver('{"events":[]}');
    pg.deliver('not json');
    pg.deliver('{"from":"b","work":"elsewhere"}');
    await a.close();

    expect(onA.heard).toEqual(['outbox']);
    expect(log.events).toEqual([
      'work_signal_listening',
      'work_signal_unreadable',
      'work_signal_unreadable',
      'work_signal_unreadable',
      'work_signal_notify_failed',
    ]);
  });
});
