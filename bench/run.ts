import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs, reportedParams, USAGE, type BenchParams } from './args.ts';
import { PHONE_NUMBER_ID, SECRETS, seedDatabase } from './app.ts';
import { pickDatabase, type BenchDatabase } from './database.ts';
import { startGraphStub } from './graph-stub.ts';
import { soakPhase } from './phases/soak.ts';
import { progressLine } from './progress.ts';
import { latency, machineInfo, round, writeJson, type Target } from './report.ts';
import { summarize } from './stats.ts';
import { withApp, type RunContext } from './context.ts';
import { runSuite } from './suite.ts';
import { soakTargets, soakText, suiteTargets, suiteText, targetsText } from './summary.ts';
import { webhookSender } from './webhooks.ts';

/**
 * `npm run bench`: the app as a child process on PostgreSQL (or PGlite), a stub Graph API, signed
 * webhooks over loopback; prints the figures next to same-machine baselines and writes
 * bench/results/latest.json (`--soak`: bench/results/soak.json).
 */

const soak = async (ctx: RunContext) => {
  const { params, stub, progress, runSalt } = ctx;
  await seedDatabase({ database: ctx.database, graphUrl: stub.url });
  const { result, peakRss } = await withApp(ctx, 1_000, (app) => {
    const sender = webhookSender(
      app.client,
      SECRETS.appSecret,
      PHONE_NUMBER_ID,
      `${runSalt}.${Date.now().toString(36)}`,
    );
    const started = performance.now();
    return soakPhase(sender, stub, app.rss, {
      leads: params.leads,
      durationMs: params.soakMs,
      thinkMs: params.thinkMs,
      turnTimeoutMs: 30_000,
      firstLead: 0,
      runSalt,
      warmupMs: params.soakWarmupMs,
      onTick: (t) => {
        const s = Math.round((performance.now() - started) / 1_000);
        progress.update(
          `soak: ${s}/${params.soakMs / 1_000} s, ${t.turns} turns, RSS ${(app.rss.latest() / 2 ** 20).toFixed(1)} MB`,
        );
      },
    });
  });
  const figures = {
    leads: params.leads,
    thinkMs: params.thinkMs,
    durationMs: params.soakMs,
    warmupMs: result.warmupMs,
    turns: result.conversations.turns,
    completed: result.conversations.completed,
    errors: result.conversations.errors,
    replyLatencyMs: latency(summarize(result.conversations.replyLatencies)),
    rssAfterWarmupBytes: {
      min: result.rss.min,
      mean: Math.round(result.rss.mean),
      max: result.rss.max,
      samples: result.samples,
    },
    rssDrift: round(result.rss.drift, 4),
    rssSpread: round(result.rss.spread, 4),
    peakRssBytes: peakRss,
  };
  return { figures: { soak: figures }, text: soakText(result), targets: soakTargets(result) };
};

const suite = async (ctx: RunContext) => {
  const figures = await runSuite(ctx);
  return { figures, text: suiteText(figures, ctx.params), targets: suiteTargets(figures) };
};

const report = (
  params: BenchParams,
  database: BenchDatabase,
  started: number,
  run: { figures: object; text: string; targets: Target[] },
) => {
  const path = params.mode === 'soak' ? 'bench/results/soak.json' : 'bench/results/latest.json';
  const machine = machineInfo({ kind: database.kind, version: database.version });
  const parameters = reportedParams(params);
  writeJson(path, {
    benchmark: 'whatsapp-lead-desk',
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    elapsedSeconds: round((performance.now() - started) / 1_000),
    machine,
    parameters,
    ...run.figures,
    targets: run.targets,
  });
  const header = `Lead desk benchmark (${params.mode}) — ${machine.cpus} cpus ${machine.cpuModel}, node ${machine.node}, ${database.version}${database.kind === 'pglite' ? ` (${database.note})` : ''}, load ${machine.loadAverageAtStart.join(' ')}`;
  console.log([header, '', run.text, '', targetsText(run.targets, database.kind), '', `Written to ${path}`].join('\n'));
};

const main = async (): Promise<void> => {
  const params = parseArgs(process.argv.slice(2));
  if (params === 'help') return console.log(USAGE);
  const started = performance.now();
  const progress = progressLine();
  progress.update('preparing the database', true);
  const database = await pickDatabase(params.pglite);
  const stub = await startGraphStub(SECRETS.accessToken);
  const ctx: RunContext = { params, database, stub, progress, runSalt: randomInt(1_000) };
  try {
    const run = params.mode === 'soak' ? await soak(ctx) : await suite(ctx);
    progress.done();
    report(params, database, started, run);
  } finally {
    progress.done();
    await stub.close();
    await database.drop();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
