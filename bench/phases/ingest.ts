import { performance } from 'node:perf_hooks';
import type { GraphStub } from '../graph-stub.ts';
import { FIRST_WORDS } from '../lead-script.ts';
import { closedLoop, waitUntil, type LoadResult } from '../load.ts';
import { perSecond } from '../stats.ts';
import { benchWaId, type WebhookSender } from '../webhooks.ts';

export type IngestOptions = {
  readonly concurrency: number;
  readonly messages: number;
  /** Stops sending after this long even if fewer messages went. */
  readonly maxMs: number;
  /** How long the app may take to answer everything it acknowledged. */
  readonly drainTimeoutMs: number;
  readonly firstLead: number;
  readonly runSalt: number;
  readonly onTick?: (done: number, elapsedMs: number) => void;
  readonly onDrain?: (replies: number, expected: number) => void;
  /** Called when the last webhook is acknowledged, before waiting for the replies. */
  readonly onSent?: () => void;
};

export type IngestResult = {
  readonly acks: LoadResult;
  /** Bot turns answered per second, from the first webhook to the last reply at the stub. */
  readonly turnsPerSecond: number;
  /** Whether every acknowledged "Hola" got both replies (greeting and question) within the drain timeout. */
  readonly drained: boolean;
};

/** Each new lead's "Hola" gets the greeting and the e-mail question. */
const REPLIES_PER_HOLA = 2;

/**
 * Webhook ingest: signed "Hola"s from new numbers as fast as `concurrency` connections allow. The
 * acknowledgement rate is the figure; the bot's replies follow in the background and are awaited after.
 */
export const ingestPhase = async (
  sender: WebhookSender,
  stub: GraphStub,
  options: IngestOptions,
): Promise<IngestResult> => {
  const mark = stub.sendTimes.length;
  const start = performance.now();
  const drive = {
    concurrency: options.concurrency,
    durationMs: options.maxMs,
    maxRequests: options.messages,
    ...(options.onTick ? { onTick: options.onTick } : {}),
  };
  const acks = await closedLoop(drive, (i) =>
    sender.send(benchWaId(options.runSalt, options.firstLead + i), FIRST_WORDS),
  );
  options.onSent?.();
  const expected = mark + REPLIES_PER_HOLA * acks.latencies.length;
  const replied = () => {
    options.onDrain?.(stub.sendTimes.length - mark, expected - mark);
    return stub.sendTimes.length >= expected;
  };
  const drained = await waitUntil(replied, options.drainTimeoutMs, 100);
  const last = stub.sendTimes.at(-1) ?? start;
  return {
    acks,
    turnsPerSecond: perSecond(Math.floor((stub.sendTimes.length - mark) / REPLIES_PER_HOLA), last - start),
    drained,
  };
};
