import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import type { DeskEvent } from '../../application/ports/events.ts';
import type { DeskEventPayload } from '../../adapters/http/crm/events.presenter.ts';
import type { LeadRepository } from '../../application/ports/lead-repository.ts';
import type { Repositories, TransactionalStore } from '../../application/ports/unit-of-work.ts';
import { loadConfig } from '../../bootstrap/config.ts';
import { buildContainer, override } from '../../bootstrap/container.ts';
import { seedDemo } from '../../bootstrap/demo/seed-demo.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import {
  asId,
  type ConversationId,
  type LeadId,
  type MessageId,
  type UserId,
  type VisitId,
} from '../../domain/shared/ids.ts';
import { aLead } from '../builders/lead-builder.ts';
import { T0 } from '../support/desk-harness.ts';
import { eventually } from '../support/eventually.ts';

const ADMIN = 'test-admin-key-0123456789abcdef0123';

/** A store whose lead repository writes down every call made to it (the reads an event costs). */
const countingLeadReads = (inner: TransactionalStore) => {
  const calls: string[] = [];
  const counted = (leads: LeadRepository): LeadRepository =>
    new Proxy(leads, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(property));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const wrap = (repos: Repositories): Repositories => ({ ...repos, leads: counted(repos.leads) });
  const uow: TransactionalStore = {
    transaction: (work) => inner.transaction((repos) => work(wrap(repos))),
    single: (work) => inner.single((repos) => work(wrap(repos))),
  };
  return { uow, calls };
};

/** An event stream as the CRM reads it: the text so far, the events parsed from it. */
const listen = (res: Response) => {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
  })().catch(() => undefined);
  return {
    text: () => text,
    events: () =>
      [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => JSON.parse(m[2] ?? 'null') as DeskEventPayload),
    close: () => reader.cancel(),
  };
};

const until = (done: () => boolean, what: string): Promise<true> =>
  eventually(done, { what, timeoutMs: 3_000, intervalMs: 5 });

const start = async (env: Readonly<Record<string, string>> = {}) => {
  const counting = countingLeadReads(new InMemoryUnitOfWork(new InMemoryStore()));
  const config = loadConfig({ LOG_LEVEL: 'silent', CRM_ADMIN_API_KEY: ADMIN, ...env });
  const container = buildContainer(config, [
    override(TOKENS.Clock, new FixedClock(T0)),
    override(TOKENS.IdGenerator, new SequentialIdGenerator()),
    override(TOKENS.Store, counting.uow),
  ]);
  await seedDemo(counting.uow);
  const app = container.get(TOKENS.HttpApp);
  const keyOf = async (userId: string): Promise<string> => {
    const res = await app.request(`/api/v1/users/${userId}/api-keys`, {
      method: 'POST',
      body: JSON.stringify({ label: 'stream' }),
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { key: string }).key;
  };
  const open = (key: string) => app.request('/api/v1/events', { headers: { authorization: `Bearer ${key}` } });
  const stream = async (key: string) => {
    const res = await open(key);
    expect(res.status).toBe(200);
    const s = listen(res);
    await until(() => s.text().includes(': connected'), 'the stream to open');
    return s;
  };
  return { app, container, calls: counting.calls, keyOf, open, stream, events: container.get(TOKENS.Events) };
};

const lead = (id: string) => asId<LeadId>(id);
/** What a stream carries for an event: the event's own fields, with the payload version. */
const onTheWire = (event: DeskEvent) => ({ v: 1, ...event });
const message = (type: 'message_received' | 'message_queued', leadId: LeadId | null, n: number): DeskEvent => ({
  type,
  conversationId: asId<ConversationId>(`conv-${n}`),
  leadId,
  messageId: asId<MessageId>(`msg-${n}`),
});

describe('GET /api/v1/events: one visibility check per event', () => {
  it('reads each lead once per event whatever the number of streams, and each stream hears exactly what it may', async () => {
    const desk = await start();
    const uow = desk.container.get(TOKENS.UnitOfWork);
    await uow.transaction(async (repos) => {
      await repos.leads.save(aLead().withId('lead-ana').assignedTo('u-ana', T0).build());
      await repos.leads.save(aLead().withId('lead-carlos').assignedTo('u-carlos', T0).build());
    });
    const [ana, carlos, valentina, jorge] = [
      await desk.keyOf('u-ana'),
      await desk.keyOf('u-carlos'),
      await desk.keyOf('u-valentina'),
      await desk.keyOf('u-jorge'),
    ];
    const streams = {
      ana1: await desk.stream(ana),
      ana2: await desk.stream(ana),
      carlos: await desk.stream(carlos),
      valentina: await desk.stream(valentina),
      manager: await desk.stream(jorge),
      admin: await desk.stream(ADMIN),
    };
    desk.calls.length = 0;

    const published: DeskEvent[] = [
      { type: 'visit_changed', leadId: lead('lead-ana'), visitId: asId<VisitId>('visit-1') },
      message('message_received', lead('lead-carlos'), 2),
      message('message_received', null, 3),
      { type: 'lead_assigned', leadId: lead('lead-ana'), advisorId: asId<UserId>('u-ana') },
      message('message_queued', lead('lead-ana'), 5),
    ];
    desk.events.publish(published);
    await until(
      () => streams.manager.events().length === 5 && streams.admin.events().length === 5,
      'managers to hear everything',
    );
    await until(() => streams.ana2.events().length === 3, 'the advisor to hear her leads');
    // Deliberately quiet for a moment: an event sent to the wrong stream would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(desk.calls).toEqual(['byId', 'byId', 'byId', 'byId']);
    const [visit, carlosMessage, botMessage, assigned, queued] = published.map(onTheWire);
    expect(streams.manager.events()).toEqual(published.map(onTheWire));
    expect(streams.admin.events()).toEqual(published.map(onTheWire));
    expect(streams.ana1.events()).toEqual([visit, assigned, queued]);
    expect(streams.ana2.events()).toEqual([visit, assigned, queued]);
    expect(streams.carlos.events()).toEqual([carlosMessage]);
    expect(streams.valentina.events()).toEqual([]);
    expect(botMessage).toMatchObject({ leadId: null });
    for (const s of Object.values(streams)) await s.close();
  });

  it('reads nothing when only managers and admins are listening', async () => {
    const desk = await start();
    const manager = await desk.stream(await desk.keyOf('u-jorge'));
    desk.calls.length = 0;
    desk.events.publish([message('message_received', lead('lead-x'), 1)]);
    await until(() => manager.events().length === 1, 'the manager to hear it');
    expect(desk.calls).toEqual([]);
    await manager.close();
  });

  it('sends each event as its public payload: `v: 1` and the fields it names, nothing else the event carries', async () => {
    const desk = await start();
    const manager = await desk.stream(await desk.keyOf('u-jorge'));
    // As an event from another instance may arrive: with a field this version does not publish.
    const carrying = Object.assign(message('message_queued', lead('lead-x'), 1), { outboxRow: 42 });
    desk.events.publish([carrying]);
    await until(() => manager.events().length === 1, 'the manager to hear it');
    expect(manager.text()).toMatch(/^event: message_queued\ndata: \{"v":1,"type":"message_queued",.*\}\nid: 1$/m);
    expect(manager.events()).toEqual([
      { v: 1, type: 'message_queued', conversationId: 'conv-1', leadId: 'lead-x', messageId: 'msg-1' },
    ]);
    await manager.close();
  });
});

describe('GET /api/v1/events: stream caps', () => {
  const expectTooMany = async (res: Response) => {
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ status: 429, code: 'too_many_streams' });
  };

  /** Opens a stream as soon as a slot is free again (closing is noticed asynchronously). */
  const openOnceFree = (desk: Awaited<ReturnType<typeof start>>, key: string): Promise<Response> =>
    eventually(
      async () => {
        const res = await desk.open(key);
        if (res.status !== 200) await res.body?.cancel();
        expect(res.status, 'a free slot').toBe(200);
        return res;
      },
      { timeoutMs: 2_000, intervalMs: 10 },
    );

  it('refuses the sixth stream of a key with 429, serves other keys, and frees a slot when a stream closes', async () => {
    const desk = await start();
    const ana = await desk.keyOf('u-ana');
    const open = [];
    for (let i = 0; i < 5; i++) open.push(await desk.stream(ana));
    await expectTooMany(await desk.open(ana));
    const other = await desk.stream(await desk.keyOf('u-carlos'));

    await open[0]?.close();
    const again = await openOnceFree(desk, ana);
    expect(again.status).toBe(200);
    const reopened = listen(again);
    await expectTooMany(await desk.open(ana));
    for (const s of [...open.slice(1), other, reopened]) await s.close();
  });

  it('serves at most EVENT_STREAMS_MAX streams per instance, whoever asks', async () => {
    const desk = await start({ EVENT_STREAMS_MAX: '3' });
    const [ana, carlos, jorge, valentina] = [
      await desk.keyOf('u-ana'),
      await desk.keyOf('u-carlos'),
      await desk.keyOf('u-jorge'),
      await desk.keyOf('u-valentina'),
    ];
    const open = [await desk.stream(ana), await desk.stream(carlos), await desk.stream(jorge)];
    await expectTooMany(await desk.open(valentina));
    await open[2]?.close();
    const again = await openOnceFree(desk, valentina);
    expect(again.status).toBe(200);
    for (const s of [open[0], open[1], listen(again)]) await s?.close();
  });
});
