import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adaptersUnderContract, contractSuites, exemptPorts } from './registry.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

const sourcesUnder = (folder: string): string[] =>
  readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));

/** Every `export interface X` of application/ports: the ports. */
const ports = new Set(
  sourcesUnder('application/ports').flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^export interface (\w+)/gm)].map((m) => m[1] as string),
  ),
);

/** Every adapter class and the ports it says it implements. */
const adapters = sourcesUnder('adapters').flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/class (\w+)(?:\s+extends\s+\w+)?\s+implements\s+([\w\s,]+?)\s*\{/g)].map(
    (m) => ({
      name: m[1] as string,
      ports: (m[2] as string).split(',').map((p) => p.trim()),
    }),
  ),
);

const withContract = new Set(contractSuites.flatMap((s) => s.ports));

describe('contract registry (tests/contracts/registry.ts)', () => {
  it('finds the ports and their adapters (the scan itself works)', () => {
    expect(ports.size).toBeGreaterThan(20);
    expect(adapters.length).toBeGreaterThan(30);
  });

  it('has a contract suite for every port with an adapter, or a written reason for its exemption', () => {
    const implemented = new Set(adapters.flatMap((a) => a.ports).filter((p) => ports.has(p)));
    const uncovered = [...implemented].filter((p) => !withContract.has(p) && exemptPorts[p] === undefined);
    expect(uncovered, 'ports with adapters but no contract suite').toEqual([]);
  });

  it('runs the contracts of every adapter of a port that has a suite', () => {
    const unrun = adapters
      .filter((a) => a.ports.some((p) => withContract.has(p)))
      .map((a) => a.name)
      .filter((name) => adaptersUnderContract[name] === undefined);
    expect(unrun, 'adapters missing from adaptersUnderContract').toEqual([]);
  });

  it('names only real ports, adapters and family test files, each family file running the registry', () => {
    const named = [...withContract, ...Object.keys(exemptPorts)];
    expect(
      named.filter((p) => !ports.has(p)),
      'not a port of application/ports',
    ).toEqual([]);
    expect(
      Object.keys(exemptPorts).filter((p) => withContract.has(p)),
      'exempt yet registered',
    ).toEqual([]);
    const adapterNames = new Set(adapters.map((a) => a.name));
    expect(
      Object.keys(adaptersUnderContract).filter((name) => !adapterNames.has(name)),
      'not an adapter class',
    ).toEqual([]);
    for (const file of new Set(Object.values(adaptersUnderContract))) {
      expect(existsSync(join(root, file)), file).toBe(true);
      expect(readFileSync(join(root, file), 'utf8'), file).toContain('runContracts(');
    }
  });
});
