import type { BenchParams } from './args.ts';
import type { CpuShare } from './cpu.ts';
import { fmt, table, targetLines, type Target } from './report.ts';
import type { SuiteFigures } from './suite.ts';
import type { SoakResult } from './phases/soak.ts';
import { summarize } from './stats.ts';

const ratio = (value: number, baseline: number): number => (baseline > 0 ? value / baseline : NaN);

/** The targets of issue 8, judged on this run's figures (they are defined for 2 cores and local PostgreSQL). */
export const suiteTargets = (f: SuiteFigures): Target[] => {
  const ingestShare = ratio(f.ingest.webhooks.perSecond, f.baselines.rawInsert.perSecond);
  const reply = f.conversations.replyLatencyMs;
  const { limit1000, limit80 } = f.outbound;
  return [
    {
      name: 'webhook ingest vs raw INSERT',
      goal: '≥ 60 %',
      value: fmt.pct(ingestShare),
      pass: ingestShare >= 0.6 && f.ingest.webhooks.errors === 0,
    },
    {
      name: `reply p99 with ${f.conversations.leads} active conversations`,
      goal: '≤ 100 ms, 100 leads',
      value: fmt.ms(reply.p99),
      pass: reply.p99 <= 100 && f.conversations.leads >= 100 && f.conversations.errors === 0 && reply.count > 0,
    },
    {
      name: 'outbound sends at limit 1,000/s',
      goal: '≥ 1,000 /s',
      value: fmt.rate(limit1000.sendsPerSecond),
      pass: limit1000.sendsPerSecond >= 1_000 && limit1000.drained,
    },
    {
      name: 'busiest second at limit 80/s',
      goal: '≤ 80',
      value: String(limit80.maxInOneSecond),
      pass: limit80.maxInOneSecond <= 80 && limit80.drained && limit80.sent > 0,
    },
  ];
};

export const soakTargets = (soak: SoakResult): Target[] => [
  {
    name: 'RSS after warm-up, largest deviation from its mean',
    goal: '≤ ±10 %',
    value: fmt.pct(soak.rss.spread),
    pass: soak.rss.spread <= 0.1 && soak.samples > 0,
  },
];

export const suiteText = (f: SuiteFigures, p: BenchParams): string => {
  const { rawInsert, helloWorld } = f.baselines;
  const acks = f.ingest.webhooks;
  const c = f.conversations;
  const o = f.outbound;
  const share = (value: number, base: number) => fmt.pct(ratio(value, base));
  return [
    `Baselines (${p.concurrency} connections)`,
    table([
      ['raw single-row INSERT', fmt.rate(rawInsert.perSecond), fmt.lat(rawInsert.latencyMs)],
      [
        'Hono hello world (own process)',
        fmt.rate(helloWorld.perSecond),
        `${fmt.lat(helloWorld.latencyMs)}${clientBound(helloWorld.cpu) ? '   (the client used a full core: a floor, not a ceiling)' : ''}`,
      ],
    ]),
    '',
    'App (child process, Meta mode against the stub)',
    table([
      [
        'webhook acks',
        fmt.rate(acks.perSecond),
        `${fmt.lat(acks.latencyMs)}   = ${share(acks.perSecond, rawInsert.perSecond)} of raw INSERT, ${share(acks.perSecond, helloWorld.perSecond)} of hello world`,
      ],
      [
        'bot turns answered (ingest backlog)',
        fmt.rate(f.ingest.botTurnsPerSecond),
        f.ingest.drained ? 'every "Hola" answered' : 'NOT all answered in time',
      ],
      [
        `reply latency, ${c.leads} leads, think ${c.thinkMs} ms`,
        `p99 ${fmt.ms(c.replyLatencyMs.p99)}`,
        `p50 ${fmt.ms(c.replyLatencyMs.p50)}, max ${fmt.ms(c.replyLatencyMs.max)}; ${c.turns} turns, ${c.completed} conversations done, ${c.errors} errors`,
      ],
      ['webhook acks during conversations', `p99 ${fmt.ms(c.ackLatencyMs.p99)}`, `p50 ${fmt.ms(c.ackLatencyMs.p50)}`],
      [
        'outbound at limit 1,000/s',
        fmt.rate(o.limit1000.sendsPerSecond),
        `busiest second ${o.limit1000.maxInOneSecond}; ${o.limit1000.sent} sent, queued via CRM API at ${fmt.rate(o.limit1000.queued.perSecond)} (${share(o.limit1000.queued.perSecond, helloWorld.perSecond)} of hello world)`,
      ],
      [
        'outbound at limit 80/s',
        fmt.rate(o.limit80.sendsPerSecond),
        `busiest second ${o.limit80.maxInOneSecond}; ${o.limit80.sent} sent`,
      ],
      ['peak RSS', fmt.mb(f.rss.peakBytes)],
    ]),
    '',
    'Cores used: the app (or the hello-world server) / this process (client and stub) / PostgreSQL for the bench database / the whole machine',
    table([
      ['raw INSERT baseline', cores(rawInsert.cpu)],
      ['hello world baseline', cores(helloWorld.cpu)],
      ['ingest, while sending', cores(f.ingest.cpuWhileSending)],
      ['conversations', cores(c.cpu)],
      ['outbound at limit 1,000/s, draining', cores(o.limit1000.cpuWhileDraining)],
      ['outbound at limit 80/s, draining', cores(o.limit80.cpuWhileDraining)],
    ]),
  ].join('\n');
};

/** This process (the HTTP client) used most of a core: the rate says as much about the client as the server. */
const clientBound = (cpu: CpuShare): boolean => cpu.bench >= 0.9;

const cores = (cpu: CpuShare | null): string =>
  cpu === null
    ? 'n/a'
    : [cpu.app, cpu.bench, cpu.postgres, cpu.machine].map((c) => (Number.isFinite(c) ? c.toFixed(2) : '–')).join(' / ');

export const soakText = (soak: SoakResult): string => {
  const reply = summarize(soak.conversations.replyLatencies);
  return [
    `Soak (RSS judged after ${soak.warmupMs / 1_000} s of warm-up, ${soak.samples} samples)`,
    table([
      ['RSS min / mean / max', `${fmt.mb(soak.rss.min)} / ${fmt.mb(soak.rss.mean)} / ${fmt.mb(soak.rss.max)}`],
      ['RSS drift (first → last tenth)', fmt.pct(soak.rss.drift)],
      [
        'reply latency',
        fmt.lat(reply),
        `${soak.conversations.turns} turns, ${soak.conversations.completed} conversations done, ${soak.conversations.errors} errors`,
      ],
    ]),
  ].join('\n');
};

export const targetsText = (targets: readonly Target[], databaseKind: string): string =>
  [
    `Targets${databaseKind === 'postgres' ? '' : ' (defined for local PostgreSQL; this run used PGlite)'}`,
    targetLines(targets),
  ].join('\n');
