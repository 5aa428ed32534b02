import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../adapters/http/create-http-app.ts';
import { SIMULATOR_DIR } from '../../adapters/http/simulator.router.ts';
import { ADMIN, phoneDesk } from '../support/fake-phone-http.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The directives of a CSP header, by name. */
const directives = (csp: string | null): Map<string, string[]> =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts): parts is [string, ...string[]] => parts[0] !== undefined && parts[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );

const expectSecurityHeaders = (response: Response) => {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(directives(response.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"]);
  expect(response.headers.get('x-powered-by')).toBeNull();
};

/** A page's policy: nothing inline or evaluated, nothing from elsewhere, no plugins, no <base> or form hijack. */
const expectPagePolicy = (csp: Map<string, string[]>) => {
  for (const values of csp.values()) {
    expect(values).not.toContain("'unsafe-inline'");
    expect(values).not.toContain("'unsafe-eval'");
    expect(values).not.toContain('*');
    expect(values.some((v) => /^https?:/.test(v))).toBe(false);
  }
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  expect(csp.get('form-action')).toEqual(["'none'"]);
};

describe('security headers', () => {
  it.each([
    ['GET', '/health', 200],
    ['GET', '/ready', 200],
    ['GET', '/api/v1/me', 200],
    ['GET', '/api/v1/openapi.json', 200],
    ['GET', '/api/v1/leads', 401],
    ['GET', '/fake-whatsapp/phones', 200],
    ['GET', '/nowhere', 404],
  ] as const)('%s %s (%i) carries them, with an API policy that loads nothing', async (method, path, status) => {
    const { request } = await phoneDesk();
    const auth = path === '/api/v1/me' ? { authorization: `Bearer ${ADMIN}` } : undefined;
    const response = await request(path, { method, ...(auth === undefined ? {} : { headers: auth }) });

    expect(response.status).toBe(status);
    expectSecurityHeaders(response);
    expect(directives(response.headers.get('content-security-policy')).get('default-src')).toEqual(["'none'"]);
  });

  it('an unexpected error (500) carries them too', async () => {
    const app = createHttpApp({ logger: silent });
    app.get('/boom', () => {
      throw new Error('boom');
    });
    const response = await app.request('/boom');

    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
  });

  it('/docs: its inline style is allowed by hash, nothing else inline, no script at all', async () => {
    const { request } = await phoneDesk();
    const response = await request('/docs');
    const html = await response.text();
    const csp = directives(response.headers.get('content-security-policy'));

    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expectPagePolicy(csp);
    expect(csp.get('script-src') ?? ["'none'"]).toEqual(["'none'"]);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) {
      expect(csp.get('style-src')).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    }
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
  });

  it('/simulator: scripts, styles and fetches from the page itself, media also from blob: URLs', async () => {
    const { request } = await phoneDesk();
    const response = await request('/simulator');
    const csp = directives(response.headers.get('content-security-policy'));

    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
    expectPagePolicy(csp);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:']);
    // The page could not work under that policy if it had inline code.
    const index = readFileSync(join(SIMULATOR_DIR, 'index.html'), 'utf8');
    expect(index).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    const script = await request('/simulator/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(script);
  });
});
