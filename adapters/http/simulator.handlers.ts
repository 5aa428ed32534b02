import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Handler } from 'hono';
import type { BlankEnv } from 'hono/types';
import { problem } from './problem.ts';
import { SIMULATOR_CSP } from './security-headers.ts';

/** Where the QA simulator page's static files live. */
export const SIMULATOR_DIR = fileURLToPath(new URL('./simulator/public/', import.meta.url));

/** What the simulator page needs: the folder of its static files. */
export type SimulatorDeps = { readonly dir: string };

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  webp: 'image/webp',
  ogg: 'audio/ogg',
  pdf: 'application/pdf',
};

// One plain name in the folder itself: no slash, no leading dot, so neither `..` nor hidden files.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `/simulator` and `/simulator/`: the page's index.html. */
export const page =
  ({ dir }: SimulatorDeps): Handler =>
  (c) =>
    serveFile(c, dir, 'index.html');

/** `/simulator/<file>`: another file of the folder, or a 404. */
export const file =
  ({ dir }: SimulatorDeps): Handler<BlankEnv, '/simulator/:file'> =>
  (c) =>
    serveFile(c, dir, c.req.param('file'));

const serveFile = async (c: Context, dir: string, name: string) => {
  const type = TYPES[name.split('.').pop()?.toLowerCase() ?? ''];
  const bytes = FILE_NAME.test(name) && type !== undefined ? await readFile(join(dir, name)).catch(() => null) : null;
  if (bytes === null || type === undefined)
    return problem(c, 404, 'not_found', 'Not Found', `The simulator has no file ${name}.`);
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': type,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    // The page's policy on the page; its scripts, styles and icons get the default one.
    ...(type.startsWith('text/html') ? { 'Content-Security-Policy': SIMULATOR_CSP } : {}),
  });
};
