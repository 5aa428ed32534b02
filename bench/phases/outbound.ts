import { performance } from 'node:perf_hooks';
import { SECRETS } from '../app.ts';
import type { CpuShare } from '../cpu.ts';
import type { GraphStub } from '../graph-stub.ts';
import type { HttpClient } from '../http-client.ts';
import { closedLoop, waitUntil, type LoadResult } from '../load.ts';
import { slidingWindowMax, spanRate } from '../stats.ts';
import { benchWaId } from '../webhooks.ts';

export type OutboundOptions = {
  readonly concurrency: number;
  readonly leads: number;
  readonly messages: number;
  /** Queueing stops after this long, so the held sends are answered before the app's 10 s Graph timeout. */
  readonly maxQueueMs: number;
  readonly drainTimeoutMs: number;
  readonly firstLead: number;
  readonly runSalt: number;
  readonly onTick?: (what: string, done: number, of: number) => void;
  /** Starts measuring CPU when the backlog is released; the stopper gives the shares over the drain. */
  readonly meter?: () => { stop(): CpuShare };
};

export type OutboundResult = {
  readonly queued: LoadResult;
  /** Sends the stub held unanswered while the backlog was queued (the dispatcher's sends in flight). */
  readonly held: number;
  /** Backlog drain rate at the stub: sends after the release, per second from release to the last one. */
  readonly sendsPerSecond: number;
  /** The most sends the stub received in any one-second window during the phase. */
  readonly maxInOneSecond: number;
  readonly sent: number;
  readonly drained: boolean;
  /** CPU over the drain (from the release to the last send). */
  readonly cpu: CpuShare | null;
};

const AUTH = { authorization: `Bearer ${SECRETS.adminKey}` };

const createLeads = async (client: HttpClient, options: OutboundOptions): Promise<string[]> => {
  const ids: string[] = [];
  const drive = { concurrency: options.concurrency, durationMs: 120_000, maxRequests: options.leads };
  const created = await closedLoop(drive, async (i) => {
    const phone = `+${benchWaId(options.runSalt, options.firstLead + i)}`;
    const answer = await client.post('/api/v1/leads', JSON.stringify({ name: `Bench ${i}`, phone }), AUTH);
    if (answer.status !== 201) throw new Error(`create lead answered ${answer.status}: ${answer.body.slice(0, 200)}`);
    ids.push((JSON.parse(answer.body) as { id: string }).id);
  });
  if (created.errors > 0) throw new Error(`creating leads: ${created.firstError}`);
  return ids;
};

/** A template: allowed outside the 24-hour window, so CRM-created leads can receive it. */
const template = (i: number) =>
  JSON.stringify({ kind: 'template', name: 'bienvenida', language: 'es_CO', parameters: [`Lead ${i}`, 'Ana'] });

/**
 * The outbox and dispatcher at full speed: the stub holds its answers while `messages` templates are
 * queued through the CRM API (round-robin over `leads` conversations), then answers, and the backlog's
 * drain rate and the busiest one-second window are measured at the stub.
 */
export const outboundPhase = async (
  client: HttpClient,
  stub: GraphStub,
  options: OutboundOptions,
): Promise<OutboundResult> => {
  options.onTick?.('creating leads', 0, options.leads);
  const leads = await createLeads(client, options);
  const mark = stub.sendTimes.length;
  stub.hold();
  const drive = {
    concurrency: options.concurrency,
    durationMs: options.maxQueueMs,
    maxRequests: options.messages,
    onTick: (done: number) => options.onTick?.('queueing', done, options.messages),
  };
  const queued = await closedLoop(drive, async (i) => {
    const answer = await client.post(`/api/v1/leads/${leads[i % leads.length]}/messages`, template(i), AUTH);
    if (answer.status !== 201 && answer.status !== 202)
      throw new Error(`send answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  });
  const meter = options.meter?.() ?? null;
  const releasedAt = performance.now();
  const held = stub.release();
  const expected = mark + queued.latencies.length;
  const done = () => {
    options.onTick?.('draining', stub.sendTimes.length - mark, expected - mark);
    return stub.sendTimes.length >= expected;
  };
  const drained = await waitUntil(done, options.drainTimeoutMs, 50);
  const cpu = meter?.stop() ?? null;
  const times = stub.sendTimes.slice(mark);
  const afterRelease = times.filter((t) => t >= releasedAt);
  return {
    queued,
    held,
    drained,
    cpu,
    sent: times.length,
    sendsPerSecond: spanRate([releasedAt, ...afterRelease]),
    maxInOneSecond: slidingWindowMax(times),
  };
};
