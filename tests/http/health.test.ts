import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createHttpApp, type HttpLogger } from '../../adapters/http/create-http-app.ts';
import { createRouter } from '../../adapters/http/create-router.ts';

/** A logger that records what it was given, so tests assert output rather than calls. */
const recordingLogger = () => {
  const lines: { level: string; obj: object; msg?: string | undefined }[] = [];
  const at =
    (level: string) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  const logger: HttpLogger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
};

const echoRoute = createRoute({
  method: 'post',
  path: '/echo/{id}',
  request: {
    params: z.object({ id: z.string().regex(/^lead_/) }),
    body: { content: { 'application/json': { schema: z.object({ email: z.email(), age: z.number().int() }) } } },
  },
  responses: {
    200: { description: 'Echo', content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } } },
  },
});

const appWithExtras = (readiness?: () => Promise<boolean>) => {
  const { logger, lines } = recordingLogger();
  const app = createHttpApp(readiness === undefined ? { logger } : { logger, readiness });
  app.openapi(echoRoute, (c) => c.json({ ok: true }, 200));
  app.get('/boom', () => {
    throw new Error('secret SQL: select * from leads');
  });
  const sub = createRouter();
  sub.openapi({ ...echoRoute, path: '/sub/{id}' }, (c) => c.json({ ok: true }, 200));
  app.route('/nested', sub);
  return { app, lines };
};

const postJson = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('operations endpoints', () => {
  it('GET /health answers 200 ok', async () => {
    const res = await appWithExtras().app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 when ready, 503 when not or when the probe throws', async () => {
    expect((await appWithExtras(async () => true).app.request('/ready')).status).toBe(200);
    const notReady = await appWithExtras(async () => false).app.request('/ready');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not_ready' });
    const { app, lines } = appWithExtras(() => Promise.reject(new Error('db down')));
    expect((await app.request('/ready')).status).toBe(503);
    expect(lines.map((l) => l.obj)).toContainEqual(expect.objectContaining({ event: 'readiness_check_failed' }));
  });
});

describe('problem+json answers', () => {
  it('answers 422 validation_failed listing every invalid field', async () => {
    const res = await appWithExtras().app.request('/echo/lead_1', postJson({ email: 'nope', age: 1.5 }));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { code: string; detail: string; errors: { in: string; path: string }[] };
    expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 422 });
    expect(body.code).toBe('validation_failed');
    expect(body.detail).toEqual(expect.any(String));
    expect(body.errors.map((e) => `${e.in}:${e.path}`).sort()).toEqual(['body:age', 'body:email']);
  });

  it('gives path parameters and nested routers the same 422 shape', async () => {
    const res = await appWithExtras().app.request('/nested/sub/visit_1', postJson({ email: 'a@b.co', age: 3 }));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'validation_failed', errors: [{ in: 'path', path: 'id' }] });
  });

  it('answers a JSON 404 problem for unknown routes', async () => {
    const res = await appWithExtras().app.request('/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers 400 bad_request for malformed JSON', async () => {
    const res = await appWithExtras().app.request('/echo/lead_1', postJson('{"email":'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('logs unexpected errors and answers 500 internal without leaking them', async () => {
    const { app, lines } = appWithExtras();
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'internal' });
    expect(text).not.toContain('secret SQL');
    expect(text).not.toMatch(/stack|\.ts:\d+/);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', obj: expect.objectContaining({ event: 'http_request_failed' }) }),
    );
  });
});
