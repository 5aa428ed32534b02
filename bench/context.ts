import type { BenchParams } from './args.ts';
import { startApp, type RunningApp } from './app.ts';
import { cpuMeter } from './cpu.ts';
import type { BenchDatabase } from './database.ts';
import type { GraphStub } from './graph-stub.ts';
import type { Progress } from './progress.ts';

/** What every phase of a run shares. */
export type RunContext = {
  readonly params: BenchParams;
  readonly database: BenchDatabase;
  readonly stub: GraphStub;
  readonly progress: Progress;
  /** Keeps this run's phone numbers and message ids apart from earlier runs' in a reused database. */
  readonly runSalt: number;
};

/** The database's name when it is on this machine (its backends' CPU is then measured). */
export const databaseName = (database: BenchDatabase): string | null => {
  if (database.kind !== 'postgres') return null;
  const url = new URL(database.url);
  return ['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(url.hostname)
    ? decodeURIComponent(url.pathname.slice(1))
    : null;
};

/** A CPU meter over the app, this process and the bench database's backends. */
export const meterFor = (ctx: RunContext, app: RunningApp) => () => cpuMeter(app.child.pid, databaseName(ctx.database));

const appOptions = (ctx: RunContext, messagesPerSecond: number) => ({
  database: ctx.database,
  graphUrl: ctx.stub.url,
  messagesPerSecond,
  concurrency: Math.max(ctx.params.concurrency, ctx.params.leads),
  nodeArgs: ctx.params.cpuProf ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : [],
});

/** Runs `phases` against a fresh app process; on failure the error carries the app's last output. */
export const withApp = async <T>(
  ctx: RunContext,
  messagesPerSecond: number,
  phases: (app: RunningApp) => Promise<T>,
) => {
  ctx.progress.update(`starting the app (limit ${messagesPerSecond}/s)`, true);
  const app = await startApp(appOptions(ctx, messagesPerSecond));
  try {
    const result = await phases(app);
    return { result, peakRss: await app.stop() };
  } catch (error) {
    await app.stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- app output (tail) ---\n${app.child.output().slice(-4_000)}`);
  }
};
