import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s on every mainstream architecture. */
const TICKS_PER_SECOND = 100;
const ticksToMs = (ticks: number): number => (ticks * 1_000) / TICKS_PER_SECOND;

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** CPU time (user + system) a process has used, ms; null when /proc is not there or it has exited. */
export const processCpuMs = (pid: number): number | null => {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The fields after the command name (which may hold spaces) start after the last ')'; utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ticksToMs(Number(fields[11]) + Number(fields[12]));
};

/** CPU time of the PostgreSQL backends serving `database` on this machine (a local server only), ms by pid. */
const postgresBackends = (database: string): Map<number, number> => {
  const found = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return found;
  }
  for (const pid of pids) {
    // "postgres: [<cluster>: ]<user> <database> <host>(<port>)|[local] <state>"
    const title = read(`/proc/${pid}/cmdline`)?.split('\0')[0] ?? '';
    if (!title.startsWith('postgres: ')) continue;
    const tokens = title.split(' ');
    const client = tokens.findIndex((t) => /\(\d+\)$/.test(t) || t === '[local]');
    if (client > 0 && tokens[client - 1] === database) found.set(Number(pid), processCpuMs(Number(pid)) ?? 0);
  }
  return found;
};

/** Busy and total CPU time of the whole machine, summed over its cores, ms. */
const machineMs = (): { busy: number; total: number } => {
  const line = read('/proc/stat')?.split('\n')[0] ?? '';
  const ticks = line.split(/\s+/).slice(1).map(Number).filter(Number.isFinite);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return { busy: ticksToMs(total - idle), total: ticksToMs(total) };
};

const ownCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};

/**
 * Cores used during a phase (1 = one full core): the app, this process (client and stub), the
 * PostgreSQL backends of the bench database, and the whole machine (everyone else included).
 */
export type CpuShare = {
  readonly app: number;
  readonly bench: number;
  readonly postgres: number;
  readonly machine: number;
};

const share = (ms: number, wallMs: number): number => Math.round((ms / wallMs) * 100) / 100;

/** Starts measuring; `stop()` gives the CPU shares since then. `database`: the bench database's name, if local. */
export const cpuMeter = (appPid: number | null, database: string | null = null) => {
  const wallStart = performance.now();
  const appCpu = () => (appPid === null ? null : processCpuMs(appPid));
  const appStart = appCpu();
  const benchStart = ownCpuMs();
  const pgStart = database === null ? new Map<number, number>() : postgresBackends(database);
  const machineStart = machineMs();
  return {
    stop: (): CpuShare => {
      const wall = performance.now() - wallStart;
      const appNow = appCpu();
      const pgNow = database === null ? new Map<number, number>() : postgresBackends(database);
      const pg = [...pgNow].reduce((sum, [pid, ms]) => sum + ms - (pgStart.get(pid) ?? 0), 0);
      const machine = machineMs();
      return {
        app: appStart === null || appNow === null ? NaN : share(appNow - appStart, wall),
        bench: share(ownCpuMs() - benchStart, wall),
        postgres: database === null ? NaN : share(pg, wall),
        machine: machine.total > machineStart.total ? share(machine.busy - machineStart.busy, wall) : NaN,
      };
    },
  };
};
