import { PHONE_NUMBER_ID, SECRETS, seedDatabase, type RunningApp } from './app.ts';
import { helloWorldBaseline, rawInsertBaseline } from './baselines.ts';
import { databaseName, meterFor, withApp, type RunContext } from './context.ts';
import type { CpuShare } from './cpu.ts';
import type { LoadResult } from './load.ts';
import { conversationPhase } from './phases/conversations.ts';
import { ingestPhase } from './phases/ingest.ts';
import { outboundPhase, type OutboundResult } from './phases/outbound.ts';
import { fmt, latency, round } from './report.ts';
import { perSecond, summarize } from './stats.ts';
import { webhookSender } from './webhooks.ts';

/** Lead numbers per phase, so no two phases share a phone. */
const FIRST_LEAD = { ingest: 0, conversations: 40_000, outbound: 80_000, limited: 90_000 } as const;

export const rateOf = (load: LoadResult) => ({
  perSecond: round(perSecond(load.latencies.length, load.elapsedMs)),
  latencyMs: latency(summarize(load.latencies)),
  requests: load.latencies.length,
  errors: load.errors,
  ...(load.firstError === null ? {} : { firstError: load.firstError }),
});

const drive = (ctx: RunContext, label: string) => ({
  concurrency: ctx.params.concurrency,
  durationMs: ctx.params.baselineMs,
  onTick: (done: number, ms: number) =>
    ctx.progress.update(`${label}: ${done} requests, ${fmt.rate(perSecond(done, ms))}`),
});

export const baselines = async (ctx: RunContext) => {
  ctx.progress.update('baseline: raw INSERT', true);
  const insert = await rawInsertBaseline(
    ctx.database,
    drive(ctx, `baseline: raw INSERT (${ctx.database.kind})`),
    databaseName(ctx.database),
  );
  ctx.progress.update('baseline: Hono hello world', true);
  const hello = await helloWorldBaseline(drive(ctx, 'baseline: Hono hello world'));
  return {
    rawInsert: { ...rateOf(insert.load), cpu: insert.cpu },
    helloWorld: { ...rateOf(hello.load), cpu: hello.cpu },
  };
};

const outbound = (result: OutboundResult) => ({
  queued: rateOf(result.queued),
  heldWhileQueueing: result.held,
  sent: result.sent,
  drained: result.drained,
  sendsPerSecond: round(result.sendsPerSecond),
  maxInOneSecond: result.maxInOneSecond,
  cpuWhileDraining: result.cpu,
});

/** Runs a phase with the CPU use measured over it. */
const metered = async <T>(
  ctx: RunContext,
  app: RunningApp,
  phase: () => Promise<T>,
): Promise<{ result: T; cpu: CpuShare }> => {
  const meter = meterFor(ctx, app)();
  const result = await phase();
  return { result, cpu: meter.stop() };
};

const onOutbound = (ctx: RunContext, label: string) => (what: string, done: number, of: number) =>
  ctx.progress.update(`${label}: ${what} ${done}/${of}`);

/** The app at 1,000 msg/s: webhook ingest, then conversations, then the outbox at full speed. */
const atFullRate = async (ctx: RunContext, app: RunningApp) => {
  const { params, stub, progress, runSalt } = ctx;
  const runId = `${runSalt}.${Date.now().toString(36)}`;
  const sender = webhookSender(app.client, SECRETS.appSecret, PHONE_NUMBER_ID, runId);
  progress.update('ingest: signed webhooks', true);
  const ingestMeter = meterFor(ctx, app)();
  let ingestCpu: CpuShare = { app: NaN, bench: NaN, postgres: NaN, machine: NaN };
  const ingest = await ingestPhase(sender, stub, {
    onSent: () => {
      ingestCpu = ingestMeter.stop();
    },
    concurrency: params.concurrency,
    messages: params.ingestMessages,
    maxMs: params.ingestMaxMs,
    drainTimeoutMs: 180_000,
    firstLead: FIRST_LEAD.ingest,
    runSalt,
    onTick: (done, ms) => progress.update(`ingest: ${done} webhooks, ${fmt.rate(perSecond(done, ms))}`),
    onDrain: (replies, expected) => progress.update(`ingest: waiting for the bot's replies ${replies}/${expected}`),
  });
  progress.update(`conversations: ${params.leads} leads`, true);
  const conversations = await metered(ctx, app, () =>
    conversationPhase(sender, stub, {
      leads: params.leads,
      durationMs: params.conversationMs,
      thinkMs: params.thinkMs,
      turnTimeoutMs: 30_000,
      firstLead: FIRST_LEAD.conversations,
      runSalt,
      onTick: (t) =>
        progress.update(
          `conversations: ${t.turns} turns, ${t.completed} done, p99 ${fmt.ms(summarize(t.replyLatencies).p99)}`,
        ),
    }),
  );
  const sends = await outboundPhase(app.client, stub, {
    concurrency: params.concurrency,
    leads: params.outboundLeads,
    messages: params.outboundMessages,
    maxQueueMs: 7_000,
    drainTimeoutMs: 120_000,
    firstLead: FIRST_LEAD.outbound,
    runSalt,
    onTick: onOutbound(ctx, 'outbound at 1,000/s'),
    meter: meterFor(ctx, app),
  });
  return { ingest: { ...ingest, cpu: ingestCpu }, conversations, sends };
};

/** A rate as a fraction of each baseline's. */
const ratios = (perSecondValue: number, base: Awaited<ReturnType<typeof baselines>>) => ({
  ratioToRawInsert: round(perSecondValue / base.rawInsert.perSecond, 3),
  ratioToHelloWorld: round(perSecondValue / base.helloWorld.perSecond, 3),
});

/** Everything but the soak: baselines, then the app at 1,000 msg/s, then restarted at 80 msg/s. */
export const runSuite = async (ctx: RunContext) => {
  const { params, stub, progress } = ctx;
  const base = await baselines(ctx);
  progress.update('seeding the demo data', true);
  await seedDatabase({ database: ctx.database, graphUrl: stub.url });
  const full = await withApp(ctx, 1_000, (app) => atFullRate(ctx, app));
  const limited = await withApp(ctx, 80, (app) =>
    outboundPhase(app.client, stub, {
      concurrency: params.concurrency,
      leads: 50,
      messages: params.limitedMessages,
      maxQueueMs: 7_000,
      drainTimeoutMs: 60_000,
      firstLead: FIRST_LEAD.limited,
      runSalt: ctx.runSalt,
      onTick: onOutbound(ctx, 'outbound at 80/s'),
      meter: meterFor(ctx, app),
    }),
  );
  const { ingest, conversations: talk, sends } = full.result;
  const conversations = talk.result;
  return {
    baselines: base,
    ingest: {
      webhooks: rateOf(ingest.acks),
      ...ratios(rateOf(ingest.acks).perSecond, base),
      botTurnsPerSecond: round(ingest.turnsPerSecond),
      drained: ingest.drained,
      cpuWhileSending: ingest.cpu,
    },
    conversations: {
      leads: params.leads,
      thinkMs: params.thinkMs,
      durationMs: params.conversationMs,
      turns: conversations.turns,
      completed: conversations.completed,
      errors: conversations.errors,
      ...(conversations.firstError === null ? {} : { firstError: conversations.firstError }),
      replyLatencyMs: latency(summarize(conversations.replyLatencies)),
      ackLatencyMs: latency(summarize(conversations.ackLatencies)),
      cpu: talk.cpu,
    },
    outbound: { limit1000: outbound(sends), limit80: outbound(limited.result) },
    rss: {
      peakBytes: Math.max(full.peakRss, limited.peakRss),
      peakAtLimit1000Bytes: full.peakRss,
      peakAtLimit80Bytes: limited.peakRss,
    },
  };
};

export type SuiteFigures = Awaited<ReturnType<typeof runSuite>>;
