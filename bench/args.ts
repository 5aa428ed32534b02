/** What a bench run does; every figure in the report comes with these. */
export type BenchParams = {
  readonly mode: 'full' | 'quick' | 'soak';
  readonly pglite: boolean;
  readonly cpuProf: boolean;
  /** Connections for the ingest, the CRM API and both baselines. */
  readonly concurrency: number;
  readonly baselineMs: number;
  readonly ingestMessages: number;
  readonly ingestMaxMs: number;
  /** Conversations active at once in the end-to-end phase. */
  readonly leads: number;
  readonly conversationMs: number;
  readonly thinkMs: number;
  readonly outboundLeads: number;
  readonly outboundMessages: number;
  /** Messages queued against the 80/s limit (a few seconds' worth). */
  readonly limitedMessages: number;
  readonly soakMs: number;
  readonly soakWarmupMs: number;
};

const FULL: BenchParams = {
  mode: 'full',
  pglite: false,
  cpuProf: false,
  concurrency: 32,
  baselineMs: 10_000,
  ingestMessages: 4_000,
  ingestMaxMs: 10_000,
  leads: 100,
  conversationMs: 45_000,
  thinkMs: 1_000,
  outboundLeads: 500,
  outboundMessages: 5_000,
  limitedMessages: 480,
  soakMs: 5 * 60_000,
  soakWarmupMs: 60_000,
};

const QUICK: BenchParams = {
  ...FULL,
  mode: 'quick',
  baselineMs: 2_000,
  ingestMessages: 400,
  ingestMaxMs: 2_000,
  conversationMs: 9_000,
  outboundLeads: 100,
  outboundMessages: 1_000,
  limitedMessages: 160,
  soakMs: 60_000,
  soakWarmupMs: 15_000,
};

export const USAGE = `Usage: npm run bench -- [--quick] [--soak] [--pglite] [--cpu-prof] [--concurrency N] [--leads N] [--think MS]
  --quick        a ~20-second run (fewer messages, shorter phases); with --soak, a 1-minute soak
  --soak         only the RSS soak: steady conversations for 5 minutes, the first one as warm-up
  --pglite       run the app on PGlite even when PostgreSQL is reachable
  --cpu-prof     write the app's CPU profile to bench/results/profiles/
  --concurrency  connections for ingest, CRM API and baselines (default ${FULL.concurrency})
  --leads        conversations active at once (default ${FULL.leads})
  --think        mean pause in ms before a lead answers (default ${FULL.thinkMs}; 0 = at once)`;

const positive = (flag: string, value: string | undefined, min: number): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer ≥ ${min}, got ${value ?? 'nothing'}`);
  return n;
};

/** Reads the command line; throws with a message on anything unknown. */
export const parseArgs = (argv: readonly string[]): BenchParams | 'help' => {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  if (flags.has('--help') || argv.includes('-h')) return 'help';
  const valueAfter = (flag: string) => argv[argv.indexOf(flag) + 1];
  const base = flags.has('--quick') ? QUICK : FULL;
  let params: BenchParams = {
    ...base,
    mode: flags.has('--soak') ? 'soak' : base.mode,
    pglite: flags.has('--pglite'),
    cpuProf: flags.has('--cpu-prof'),
  };
  if (flags.has('--concurrency'))
    params = { ...params, concurrency: positive('--concurrency', valueAfter('--concurrency'), 1) };
  if (flags.has('--leads')) params = { ...params, leads: positive('--leads', valueAfter('--leads'), 1) };
  if (flags.has('--think')) params = { ...params, thinkMs: positive('--think', valueAfter('--think'), 0) };
  const known = new Set(['--quick', '--soak', '--pglite', '--cpu-prof', '--concurrency', '--leads', '--think']);
  const unknown = [...flags].filter((f) => !known.has(f));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  return params;
};

/** The parameters that shaped this run's figures (a soak reports only its own). */
export const reportedParams = (p: BenchParams): Record<string, unknown> => {
  const { mode, pglite, leads, thinkMs } = p;
  if (mode === 'soak') return { mode, pglite, leads, thinkMs, soakMs: p.soakMs, soakWarmupMs: p.soakWarmupMs };
  const { cpuProf: _, soakMs: _s, soakWarmupMs: _w, ...suite } = p;
  return suite;
};
