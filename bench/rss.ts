import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type RssSample = { readonly at: number; readonly bytes: number };

/** A `kB` field of /proc/<pid>/status in bytes; null when the process or the field is gone. */
export const procStatusBytes = (pid: number, field: 'VmRSS' | 'VmHWM'): number | null => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match === null ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
};

export type RssSampler = {
  readonly samples: RssSample[];
  /** The highest RSS the kernel saw (VmHWM), else the highest sample. */
  peak(): number;
  latest(): number;
  stop(): void;
};

/**
 * Samples a child's resident set from /proc (outside the child, so measuring costs it nothing).
 * Without /proc (not Linux) the samples stay empty and the figures are NaN.
 */
export const sampleRss = (pid: number, everyMs: number): RssSampler => {
  const samples: RssSample[] = [];
  let highWater = 0;
  const take = () => {
    const bytes = procStatusBytes(pid, 'VmRSS');
    if (bytes !== null) samples.push({ at: performance.now(), bytes });
    highWater = Math.max(highWater, procStatusBytes(pid, 'VmHWM') ?? 0);
  };
  take();
  const timer = setInterval(take, everyMs);
  const sampledMax = () => samples.reduce((m, s) => Math.max(m, s.bytes), 0);
  return {
    samples,
    peak: () => {
      const peak = Math.max(highWater, sampledMax());
      return peak > 0 ? peak : NaN;
    },
    latest: () => samples.at(-1)?.bytes ?? NaN,
    stop: () => {
      take();
      clearInterval(timer);
    },
  };
};
