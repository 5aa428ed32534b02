import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** Runs the CLI exactly as `npm run lint:deps` does, but with JSON output; exit code 0 or "n violations". */
const cruise = async (cwd: string, dirs: readonly string[]): Promise<Violation[]> => {
  const args = [DEPCRUISE, ...dirs, '--config', CONFIG, '--output-type', 'json'];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd, maxBuffer: 64 << 20 }).catch(
    (error: { stdout?: string; code?: number }) => {
      // depcruise exits with the number of violations; only a crash leaves stdout empty.
      if (error.stdout === undefined || error.stdout === '') throw error;
      return { stdout: error.stdout };
    },
  );
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
};

// Each file breaks (or keeps) one rule; the layout mirrors the repository's.
const FIXTURES: Record<string, string> = {
  'domain/shared.ts': 'export const x = 1;\n',
  'domain/pure.ts': "import { x } from './shared.ts';\nexport const y = x;\n",
  'domain/uses-zod.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
  'domain/uses-node.ts': "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID;\n",
  'domain/uses-inversify.ts': "import { Container } from 'inversify';\nexport const c = Container;\n",
  'domain/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = () => b;\n",
  'domain/cycle-b.ts': "import { a } from './cycle-a.ts';\nexport const b = () => a;\n",
  'domain/missing.ts': "import { gone } from './nowhere.ts';\nexport const m = gone;\n",
  'application/ports/port.ts': "import type { y } from '../../domain/pure.ts';\nexport type P = typeof y;\n",
  'application/uses-adapter.ts': "import { w } from '../adapters/b/w.ts';\nexport const u = w;\n",
  'application/uses-adapter-type.ts': "import type { w } from '../adapters/b/w.ts';\nexport type U = typeof w;\n",
  'application/uses-zod.ts': "import { z } from 'zod';\nexport const s = z.string();\n",
  'adapters/b/w.ts': 'export const w = 1;\n',
  'adapters/a/z.ts': "import { w } from '../b/w.ts';\nexport const z = w;\n",
  'adapters/a/ok.ts':
    "import { z } from 'zod';\nimport type { P } from '../../application/ports/port.ts';\nimport { y } from '../../domain/pure.ts';\nexport const ok: P = y; export const s = z;\n",
  'adapters/a/uses-bootstrap.ts': "import { c } from '../../bootstrap/x.ts';\nexport const u = c;\n",
  'bootstrap/demo/data.ts': 'export const demo = 1;\n',
  'bootstrap/main.ts': "import { demo } from './demo/data.ts';\nexport const m = demo;\n",
  'bootstrap/modules/uses-demo.ts': "import { demo } from '../demo/data.ts';\nexport const u = demo;\n",
  'bootstrap/x.ts':
    "import { Container } from 'inversify';\nimport { ok } from '../adapters/a/ok.ts';\nexport const c = [Container, ok];\n",
};

const EXPECTED: readonly (readonly [rule: string, from: string])[] = [
  ['domain-is-pure', 'domain/uses-zod.ts'],
  ['domain-is-pure', 'domain/uses-node.ts'],
  ['only-bootstrap-uses-inversify', 'domain/uses-inversify.ts'],
  ['application-sees-only-domain', 'application/uses-adapter.ts'],
  ['application-sees-only-domain', 'application/uses-adapter-type.ts'],
  ['application-sees-only-domain', 'application/uses-zod.ts'],
  ['adapters-are-independent', 'adapters/a/z.ts'],
  ['inner-layers-ignore-outer', 'adapters/a/uses-bootstrap.ts'],
  ['production-wiring-ignores-demo', 'bootstrap/modules/uses-demo.ts'],
  ['no-circular', 'domain/cycle-a.ts'],
  ['not-to-unresolvable', 'domain/missing.ts'],
];
const CLEAN = [
  'domain/pure.ts',
  'application/ports/port.ts',
  'adapters/a/ok.ts',
  'bootstrap/x.ts',
  'bootstrap/main.ts',
];

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let dir: string;
  let violations: Violation[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'depcruise-rules-'));
    for (const [path, source] of Object.entries(FIXTURES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    cpSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
    // Real packages, so "imports inversify" is told apart from "imports something unresolvable".
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    violations = await cruise(dir, ['domain', 'application', 'adapters', 'bootstrap']);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(EXPECTED)('%s catches %s', (rule, from) => {
    expect(violations.filter((v) => v.rule.name === rule).map((v) => v.from)).toContain(from);
  });

  it('leaves allowed imports alone', () => {
    expect(violations.filter((v) => CLEAN.includes(v.from))).toEqual([]);
  });

  it('finds no violation in the real tree', async () => {
    const real = await cruise(ROOT, ['domain', 'application', 'adapters', 'bootstrap', 'tests']);
    expect(real.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);
});
