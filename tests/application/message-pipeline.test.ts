import { describe, expect, it, vi } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { InProcessWorkSignal } from '../../adapters/memory/in-process-work-signal.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { announcingQueued, MessagePipeline } from '../../application/message-pipeline.ts';
import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import type { WorkSignal } from '../../application/ports/work-signal.ts';
import type { FetchInboundMedia } from '../../application/use-cases/fetch-inbound-media.ts';
import { type InboxHandlers, ProcessInbox, type ProcessedEntry } from '../../application/use-cases/process-inbox.ts';
import { unitOfWorkOver } from '../support/unit-of-work.ts';
import { ReceiveInbound } from '../../application/use-cases/receive-inbound.ts';
import { asId, type ConversationId, type MessageId } from '../../domain/shared/ids.ts';
import { ok } from '../../domain/shared/result.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { aLine } from '../builders/line-builder.ts';
import { T0 } from '../support/t0.ts';

const LEADS = { ana: '+573001110001', beto: '+573001110002', caro: '+573001110003' } as const;
type Lead = keyof typeof LEADS;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const bodyOf = (envelope: InboundEnvelope): string => (envelope.content.kind === 'text' ? envelope.content.body : '');

/**
 * What the inbox's message handler saw, per lead, in order. `boom` throws (a bug, a bad payload); `slow:…`
 * takes a while, so other work arrives while it runs.
 */
const recordingHandler = () => {
  const handled: { lead: string; body: string }[] = [];
  let running = 0;
  let overlapped = false;
  const inbound: InboxHandlers = {
    status: () => Promise.reject(new Error('no receipts in these tests')),
    message: async (_tx: unknown, envelope: InboundEnvelope) => {
      running += 1;
      if (running > 1) overlapped = true;
      try {
        const body = bodyOf(envelope);
        await sleep(body.startsWith('slow') ? 20 : 1);
        if (body === 'boom') throw new Error('a bug in the bot');
        handled.push({ lead: envelope.from.phone ?? '', body });
        return ok({
          kind: 'recorded' as const,
          conversationId: asId<ConversationId>('conv_1'),
          messageId: asId<MessageId>('msg_1'),
        });
      } finally {
        running -= 1;
      }
    },
  };
  return {
    inbound,
    handled,
    running: () => running,
    overlapped: () => overlapped,
    of: (lead: Lead) => handled.filter((h) => h.lead === LEADS[lead]).map((h) => h.body),
  };
};

/** The outbox stage: counts its runs, and is running while a send would be. */
const countingOutbox = () => {
  let runs = 0;
  let running = 0;
  let failNext = false;
  return {
    execute: async () => {
      runs += 1;
      running += 1;
      try {
        await sleep(2);
        if (failNext) {
          failNext = false;
          throw new Error('database away');
        }
        return { sent: 0, failed: 0, deferred: 0 };
      } finally {
        running -= 1;
      }
    },
    runs: () => runs,
    running: () => running,
    failOnce: () => {
      failNext = true;
    },
  };
};

/** The media stage: no files in these tests. */
const noFiles: Pick<FetchInboundMedia, 'drain'> = { drain: () => Promise.resolve(0) };

/** One instance: its inbox worker and pipeline over a shared store and signal. */
const instance = (
  uow: UnitOfWork,
  clock: FixedClock,
  signal: WorkSignal,
  handler: ReturnType<typeof recordingHandler>,
) => {
  const outcomes: ProcessedEntry[] = [];
  const errors: unknown[] = [];
  const outbox = countingOutbox();
  const inbox = new ProcessInbox(uow, clock, handler.inbound, {
    report: (entry) => outcomes.push(entry),
  });
  const pipeline = new MessagePipeline(
    { receive: new ReceiveInbound(uow, clock), inbox, outbox, media: noFiles },
    signal,
    {
      onError: (error) => errors.push(error),
    },
  );
  return { pipeline, outbox, outcomes, errors };
};

let sent = 0;
const says = (lead: Lead, body: string) => ({
  kind: 'message' as const,
  envelope: anEnvelope().fromPhone(LEADS[lead]).withWaMessageId(`wamid.pipeline.${++sent}`).saying(body).build(),
});

const world = () => {
  const uow = unitOfWorkOver(new InMemoryUnitOfWork(new InMemoryStore()));
  const clock = new FixedClock(T0);
  const signal = new InProcessWorkSignal();
  const handler = recordingHandler();
  return { uow, clock, signal, handler, ...instance(uow, clock, signal, handler) };
};

describe('the message pipeline', () => {
  it('processes what is stored without being asked: storing wakes it, and the outbox runs after', async () => {
    const { pipeline, handler, outbox } = world();
    pipeline.start();

    await pipeline.receive([says('ana', 'Hola')]);

    await vi.waitFor(() => expect(handler.of('ana')).toEqual(['Hola']), { timeout: 2_000, interval: 5 });
    await vi.waitFor(() => expect(outbox.runs()).toBeGreaterThan(0), { timeout: 2_000, interval: 5 });
  });

  it('hears nothing once stopped, and nothing before it starts', async () => {
    const { pipeline, handler, outbox } = world();

    await pipeline.receive([says('ana', 'Hola')]);
    await sleep(20);
    expect(handler.handled).toEqual([]);

    pipeline.start();
    await pipeline.stop();
    await pipeline.receive([says('ana', 'Sigo aquí')]);
    await sleep(20);
    expect(handler.handled).toEqual([]);
    expect(outbox.runs()).toBe(0);
  });

  it('is idle only once every due entry is processed and no lane runs, work stored meanwhile included', async () => {
    const { pipeline, handler, outbox } = world();
    pipeline.start();

    await pipeline.receive([says('ana', 'slow uno'), says('beto', 'Hola')]);
    const idle = pipeline.idle();
    // Arrives while the first entry is being processed.
    await sleep(5);
    await pipeline.receive([says('ana', 'dos')]);
    await idle;

    expect(handler.of('ana')).toEqual(['slow uno', 'dos']);
    expect(handler.of('beto')).toEqual(['Hola']);
    expect(handler.running()).toBe(0);
    expect(outbox.running()).toBe(0);
    expect(outbox.runs()).toBeGreaterThan(0);
  });

  it('runs what is due when asked even if nobody announced it (the safety poll, a test)', async () => {
    const { pipeline, handler, outbox } = world();

    await pipeline.receive([says('ana', 'Hola')]);
    await pipeline.idle();

    expect(handler.of('ana')).toEqual(['Hola']);
    expect(outbox.runs()).toBeGreaterThan(0);
  });

  it("does not let an entry that throws hold up the next one, nor stop the pipeline's later work", async () => {
    const { pipeline, handler, outcomes, clock } = world();
    pipeline.start();

    await pipeline.receive([says('ana', 'boom'), says('beto', 'Hola')]);
    await pipeline.idle();

    expect(handler.of('beto')).toEqual(['Hola']);
    expect(outcomes.map((o) => o.outcome)).toEqual(['failed', 'handled']);

    // The failed entry waits for its back-off (and holds only its own lead); later work still flows.
    await pipeline.receive([says('caro', 'Buenas')]);
    await pipeline.idle();
    expect(handler.of('caro')).toEqual(['Buenas']);

    clock.advance(60_000);
    await pipeline.idle();
    expect(outcomes.filter((o) => o.outcome === 'failed')).toHaveLength(2);
  });

  it('reports a stage that throws and runs again on the next wake-up', async () => {
    const { pipeline, outbox, errors, handler } = world();
    pipeline.start();
    outbox.failOnce();

    await pipeline.receive([says('ana', 'Hola')]);
    await pipeline.idle();
    expect(errors).toHaveLength(1);

    const runs = outbox.runs();
    await pipeline.receive([says('ana', 'Otra')]);
    await pipeline.idle();
    expect(handler.of('ana')).toEqual(['Hola', 'Otra']);
    expect(outbox.runs()).toBeGreaterThan(runs);
    expect(errors).toHaveLength(1);
  });

  it("keeps each lead's order with two instances on one store, each woken by the other's stores", async () => {
    const { uow, clock, signal, handler, pipeline: first } = world();
    const second = instance(uow, clock, signal, handler).pipeline;
    first.start();
    second.start();
    const script: [Lead, string][] = [];
    for (let i = 0; i < 8; i++)
      for (const lead of ['ana', 'beto', 'caro'] as const)
        script.push([lead, `${i % 3 === 0 ? 'slow ' : ''}${lead} ${i}`]);

    for (const [index, [lead, body]] of script.entries())
      await (index % 2 === 0 ? first : second).receive([says(lead, body)]);
    await Promise.all([first.idle(), second.idle()]);

    for (const lead of ['ana', 'beto', 'caro'] as const)
      expect(handler.of(lead)).toEqual(script.filter(([l]) => l === lead).map(([, body]) => body));
    expect(handler.overlapped()).toBe(false);
  });
});

describe('the typing indicator in the pipeline', () => {
  it('is sent after the entry commits and before the outbox sends its replies; a failed one still sends them', async () => {
    const uow = unitOfWorkOver(new InMemoryUnitOfWork(new InMemoryStore()));
    const clock = new FixedClock(T0);
    const log: string[] = [];
    const answering: InboxHandlers = {
      status: () => Promise.reject(new Error('no receipts in these tests')),
      message: async (_tx, envelope) => {
        log.push(`answer ${envelope.waMessageId}`);
        const ids = { conversationId: asId<ConversationId>('conv_1'), messageId: asId<MessageId>('msg_1') };
        return ok({ kind: 'answered' as const, ...ids, line: aLine().build(), replies: 1 });
      },
    };
    let failTyping = false;
    const typing = {
      execute: async ({ waMessageId }: { waMessageId: string }) => {
        await sleep(5);
        log.push(`typing ${waMessageId}`);
        if (failTyping) throw new Error('Graph API away');
        return 'shown' as const;
      },
    };
    const outbox = {
      execute: async () => {
        log.push('outbox');
        return { sent: 0, failed: 0, deferred: 0 };
      },
    };
    const inbox = new ProcessInbox(uow, clock, answering);
    const pipeline = new MessagePipeline(
      { receive: new ReceiveInbound(uow, clock), inbox, outbox, media: noFiles, typing },
      new InProcessWorkSignal(),
    );

    const hola = says('ana', 'Hola');
    await pipeline.receive([hola]);
    await pipeline.idle();
    const first = hola.envelope.waMessageId;
    const typed = log.indexOf(`typing ${first}`);
    expect(log.indexOf(`answer ${first}`)).toBeLessThan(typed);
    expect(log.slice(typed).filter((entry) => entry === 'outbox').length).toBeGreaterThan(0);

    failTyping = true;
    log.length = 0;
    await pipeline.receive([says('beto', 'Hola')]);
    await pipeline.idle();
    expect(log.some((entry) => entry.startsWith('typing'))).toBe(true);
    expect(log.at(-1)).toBe('outbox');
  });
});

describe('announcingQueued', () => {
  it('wakes the outbox when a message is queued, and passes every event on unchanged', () => {
    const hub = new InMemoryEventPublisher();
    const signal = new InProcessWorkSignal();
    const heard: string[] = [];
    signal.subscribe((work) => heard.push(work));
    const events = announcingQueued(hub, signal);
    const ids = { conversationId: asId<ConversationId>('conv_1'), leadId: null, messageId: asId<MessageId>('msg_1') };

    events.publish([{ type: 'message_received', ...ids }]);
    expect(heard).toEqual([]);
    events.publish([
      { type: 'message_queued', ...ids },
      { type: 'message_queued', ...ids, messageId: asId<MessageId>('msg_2') },
    ]);

    expect(heard).toEqual(['outbox']);
    expect(hub.published.map((e) => e.type)).toEqual(['message_received', 'message_queued', 'message_queued']);
  });
});
