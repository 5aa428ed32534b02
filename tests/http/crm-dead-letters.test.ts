import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../application/ports/inbox-repository.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { MINUTE_MS } from '../../domain/shared/time.ts';
import { anEnvelope } from '../builders/inbound-envelope-builder.ts';
import { startDesk, T0, type Desk } from '../support/desk-harness.ts';

const ADMIN_KEY = 'dead-letters-admin-key-0123456789abcdef';
const LEAD = '+573006660001';
const BODY = 'Hola, quiero el apartamento de 58 m²';

const startApi = async () => {
  const desk = await startDesk(T0, null, { CRM_ADMIN_API_KEY: ADMIN_KEY });
  const app = desk.container.get(TOKENS.HttpApp);
  const call = async (method: string, path: string, key: string = ADMIN_KEY, body?: unknown) => {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: (text === '' ? null : JSON.parse(text)) as Record<string, unknown>,
    };
  };
  return { desk, call };
};

/** A lead's message that failed for good at `at`: stored, claimed, and failed once with a bound of one. */
const deadLetterOf = async (desk: Desk, wamid: string, at: number): Promise<number> => {
  const entry: InboxEntry = {
    kind: 'message',
    envelope: anEnvelope().withWaMessageId(wamid).fromPhone(LEAD).sentAt(at).saying(BODY).build(),
  };
  return desk.read(async (r) => {
    await r.inbox.add(entry, at);
    const claimed = await r.inbox.claimNext(at);
    if (claimed === null) throw new Error('nothing claimed');
    await r.inbox.recordFailure(
      claimed.id,
      { code: 'sqlstate_23505', reason: 'Database error 23505 on conversations_line_phone_unique' },
      { at, retryAt: at + MINUTE_MS },
      1,
    );
    return claimed.id;
  });
};

const roleKey = async (call: Awaited<ReturnType<typeof startApi>>['call'], role: 'advisor' | 'manager') => {
  const user = await call('POST', '/users', ADMIN_KEY, { name: `Una ${role}`, email: `${role}@example.com`, role });
  const issued = await call('POST', `/users/${String(user.json.id)}/api-keys`, ADMIN_KEY, { label: 'laptop' });
  return String(issued.json.key);
};

describe('GET/POST /api/v1/admin/dead-letters', () => {
  it('lists dead letters to admins, newest first and paged, with no phone or text in the list; one entry shows them', async () => {
    const { desk, call } = await startApi();
    const older = await deadLetterOf(desk, 'wamid.older', T0);
    const newer = await deadLetterOf(desk, 'wamid.newer', T0 + MINUTE_MS);

    const first = await call('GET', '/admin/dead-letters?limit=1');
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      items: [
        {
          id: newer,
          kind: 'message',
          status: 'dead_lettered',
          receivedAt: new Date(T0 + MINUTE_MS).toISOString(),
          attempts: 1,
          lastError: { code: 'sqlstate_23505', reason: 'Database error 23505 on conversations_line_phone_unique' },
          deadLetteredAt: new Date(T0 + MINUTE_MS).toISOString(),
          discardedAt: null,
        },
      ],
      nextCursor: expect.any(String),
    });
    const second = await call(
      'GET',
      `/admin/dead-letters?limit=1&cursor=${encodeURIComponent(String(first.json.nextCursor))}`,
    );
    expect((second.json.items as { id: number }[]).map((d) => d.id)).toEqual([older]);
    expect(second.json.nextCursor).toBeNull();
    for (const page of [first, second]) {
      expect(page.text).not.toContain(LEAD.slice(1));
      expect(page.text).not.toContain('apartamento');
    }

    const detail = await call('GET', `/admin/dead-letters/${older}`);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('Cache-Control')).toBe('no-store');
    expect(detail.json).toMatchObject({
      id: older,
      entry: { kind: 'message', envelope: { from: { phone: LEAD }, content: { body: BODY } } },
    });
  });

  it('retries one: back into the inbox, processed at once, the lead answered; it is no longer a dead letter', async () => {
    const { desk, call } = await startApi();
    const id = await deadLetterOf(desk, 'wamid.retry', T0);
    desk.clock.advance(5 * MINUTE_MS);

    const retried = await call('POST', `/admin/dead-letters/${id}/retry`);
    await desk.idle();

    expect(retried.status).toBe(202);
    expect(retried.json).toEqual({
      deadLetterId: id,
      inboxId: expect.any(Number),
      dueAt: new Date(T0 + 5 * MINUTE_MS).toISOString(),
    });
    expect(retried.json.inboxId).toBeGreaterThan(id);
    expect(desk.whatsapp.lead(LEAD).lastText()).toContain('correo electrónico');
    expect((await call('GET', '/admin/dead-letters')).json.items).toEqual([]);
    expect((await call('GET', `/admin/dead-letters/${id}`)).status).toBe(404);
    expect((await call('POST', `/admin/dead-letters/${id}/retry`)).json).toMatchObject({
      status: 404,
      code: 'dead_letter_not_found',
    });
  });

  it('discards one: kept and listed apart for audit, never retried; discarding again changes nothing', async () => {
    const { desk, call } = await startApi();
    const id = await deadLetterOf(desk, 'wamid.discard', T0);
    desk.clock.advance(MINUTE_MS);

    const discarded = await call('POST', `/admin/dead-letters/${id}/discard`);
    desk.clock.advance(MINUTE_MS);
    const again = await call('POST', `/admin/dead-letters/${id}/discard`);

    expect(discarded.status).toBe(200);
    expect(discarded.json).toMatchObject({
      id,
      status: 'discarded',
      discardedAt: new Date(T0 + MINUTE_MS).toISOString(),
    });
    expect(again.json).toEqual(discarded.json);
    expect((await call('GET', '/admin/dead-letters')).json.items).toEqual([]);
    expect(
      ((await call('GET', '/admin/dead-letters?status=discarded')).json.items as { id: number }[]).map((d) => d.id),
    ).toEqual([id]);
    const retry = await call('POST', `/admin/dead-letters/${id}/retry`);
    expect(retry.status).toBe(409);
    expect(retry.json).toMatchObject({ code: 'dead_letter_discarded' });
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
  });

  it('is for admins only (403 problem), answers 404 for an id that is not a dead letter, 422 for a bad id or cursor', async () => {
    const { desk, call } = await startApi();
    const id = await deadLetterOf(desk, 'wamid.private', T0);
    await desk.read((r) =>
      r.inbox.add(
        { kind: 'message', envelope: anEnvelope().withWaMessageId('wamid.pending').fromPhone('+573006660002').build() },
        T0,
      ),
    );

    for (const key of [await roleKey(call, 'advisor'), await roleKey(call, 'manager')]) {
      for (const [method, path] of [
        ['GET', '/admin/dead-letters'],
        ['GET', `/admin/dead-letters/${id}`],
        ['POST', `/admin/dead-letters/${id}/retry`],
        ['POST', `/admin/dead-letters/${id}/discard`],
      ] as const) {
        const refused = await call(method, path, key);
        expect(refused.status).toBe(403);
        expect(refused.headers.get('Content-Type')).toContain('application/problem+json');
        expect(refused.json).toMatchObject({ code: 'forbidden' });
      }
    }
    const pendingId = id + 1;
    for (const [method, path] of [
      ['GET', '/admin/dead-letters/999999'],
      ['GET', `/admin/dead-letters/${pendingId}`],
      ['POST', '/admin/dead-letters/999999/retry'],
      ['POST', `/admin/dead-letters/${pendingId}/retry`],
      ['POST', '/admin/dead-letters/999999/discard'],
    ] as const) {
      const missing = await call(method, path);
      expect(missing.status).toBe(404);
      expect(missing.json).toMatchObject({ code: 'dead_letter_not_found' });
    }
    expect((await call('GET', '/admin/dead-letters/abc')).status).toBe(422);
    expect((await call('GET', '/admin/dead-letters?cursor=nonsense')).json).toMatchObject({
      status: 422,
      code: 'invalid_cursor',
    });
    expect(await desk.read((r) => r.deadLetters.byId(id))).toMatchObject({ discardedAt: null });
  });

  it('is described in the OpenAPI document', async () => {
    const { desk } = await startApi();
    const document = (await (await desk.container.get(TOKENS.HttpApp).request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/admin/dead-letters',
        '/api/v1/admin/dead-letters/{id}',
        '/api/v1/admin/dead-letters/{id}/retry',
        '/api/v1/admin/dead-letters/{id}/discard',
      ]),
    );
  });
});
