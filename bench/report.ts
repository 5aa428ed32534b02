import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Summary } from './stats.ts';

export type Target = { readonly name: string; readonly goal: string; readonly value: string; readonly pass: boolean };
/** A figure as written to JSON: rates per second, latencies in ms, sizes in bytes. */
export type Figures = Record<string, unknown>;

export const machineInfo = (database: { kind: string; version: string }) => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryBytes: totalmem(),
  loadAverageAtStart: loadavg().map((l) => round(l, 2)),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  database,
});

export const round = (n: number, digits = 1): number => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

/** Latency summary in ms, rounded for the report. */
export const latency = (s: Summary) => ({
  count: s.count,
  p50: round(s.p50, 2),
  p99: round(s.p99, 2),
  max: round(s.max, 2),
  mean: round(s.mean, 2),
});

const group = (n: number, digits = 0): string =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a';

export const fmt = {
  rate: (n: number) => `${group(n)} /s`,
  ms: (n: number) => (Number.isFinite(n) ? `${group(n, n < 10 ? 2 : 1)} ms` : 'n/a'),
  mb: (bytes: number) => `${group(bytes / 2 ** 20, 1)} MB`,
  pct: (fraction: number) => `${group(fraction * 100, 0)} %`,
  lat: (s: Summary) => `p50 ${fmt.ms(s.p50)}  p99 ${fmt.ms(s.p99)}`,
};

/** Lines of `label  value  note`, the labels padded to one column. */
export const table = (rows: readonly (readonly [string, string, string?])[]): string => {
  const width = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return rows
    .map(([label, value, note]) => `  ${label.padEnd(width)}  ${value.padStart(valueWidth)}${note ? `   ${note}` : ''}`)
    .join('\n');
};

export const targetLines = (targets: readonly Target[]): string =>
  targets
    .map((t) => `  ${t.pass ? 'PASS' : 'MISS'}  ${t.name.padEnd(52)} ${t.value.padStart(12)}   (target ${t.goal})`)
    .join('\n');

export const writeJson = (path: string, value: unknown): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
};
