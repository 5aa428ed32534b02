import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../adapters/http/create-http-app.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A page folder of its own, beside a file that must stay out of reach. */
const pageFolder = (): string => {
  const root = mkdtempSync(join(tmpdir(), 'simulator-'));
  const dir = join(root, 'public');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Simulador</title>');
  writeFileSync(join(dir, 'app.js'), 'export const x = 1;');
  writeFileSync(join(dir, 'style.css'), 'body{}');
  writeFileSync(join(dir, 'logo.svg'), '<svg/>');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'notes.txt'), 'no type for this');
  writeFileSync(join(dir, 'nested', 'deep.js'), 'nested');
  writeFileSync(join(root, 'secret.js'), 'outside');
  return dir;
};

describe('the simulator page', () => {
  it('serves index.html at /simulator and the folder’s files by name, with their types, never cached stale', async () => {
    const app = createHttpApp({ logger: silent, simulatorDir: pageFolder() });

    const expected = [
      ['/simulator', 'text/html; charset=utf-8', '<!doctype html><title>Simulador</title>'],
      ['/simulator/', 'text/html; charset=utf-8', '<!doctype html><title>Simulador</title>'],
      ['/simulator/app.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
      ['/simulator/style.css', 'text/css; charset=utf-8', 'body{}'],
      ['/simulator/logo.svg', 'image/svg+xml', '<svg/>'],
    ] as const;
    for (const [path, type, body] of expected) {
      const response = await app.request(path);
      expect([path, response.status, response.headers.get('content-type'), await response.text()]).toEqual([
        path,
        200,
        type,
        body,
      ]);
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it.each([
    '/simulator/..%2Fsecret.js',
    '/simulator/%2E%2E%2Fsecret.js',
    '/simulator/../secret.js',
    '/simulator/nested/deep.js',
    '/simulator/nested%2Fdeep.js',
    '/simulator/.env',
    '/simulator/notes.txt',
    '/simulator/missing.js',
  ])('answers 404 for %s', async (path) => {
    const response = await createHttpApp({ logger: silent, simulatorDir: pageFolder() }).request(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('is absent when the app is not in fake mode', async () => {
    expect((await createHttpApp({ logger: silent }).request('/simulator')).status).toBe(404);
  });
});
