import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { changedRows, isProblem, startCountedDesk, type CountedDesk } from './support/counted-desk.ts';
import { mutationsOf } from './support/json-mutations.ts';
import { valuesOf, type Components, type JsonSchema } from './support/json-schema-arbitrary.ts';
import { scaled } from './support/scale.ts';

const ADMIN = 'fuzz-admin-key-0123456789abcdef0123456';
/** How the demo data's ids begin, by the collection a path names. */
const ID_PREFIXES: Readonly<Record<string, string>> = {
  leads: 'lead',
  visits: 'visit',
  users: 'u-',
  'advisor-groups': 'g-',
  lines: 'line',
  projects: 'p-',
};
type Route = { readonly method: string; readonly path: string; readonly schema: JsonSchema | null };
type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Components };
};

/** Every `id` field anywhere in a JSON value. */
const idsIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(idsIn)
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => (k === 'id' && typeof v === 'string' ? [v] : idsIn(v)))
      : [];

describe('fuzzed CRM API bodies, with an admin key, in process on PGlite', () => {
  let desk: CountedDesk;
  let routes: Route[] = [];
  let components: Components = {};
  let ids: string[] = [];
  /** Ids of the kind a path names (`/leads/{id}` → lead ids), or of any kind. */
  const idsFor = (path: string): string[] => {
    const prefix = ID_PREFIXES[path.split('/{')[0]?.split('/').pop() ?? ''];
    const matching = prefix === undefined ? [] : ids.filter((id) => id.startsWith(prefix) && !/^p-.*-/.test(id));
    return matching.length > 0 ? matching : ids;
  };
  const call = (method: string, path: string, body?: string) =>
    desk.app.request(path, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    });

  beforeAll(async () => {
    // One key on a fixed clock: without a larger budget, a full-size run would spend most requests on 429s.
    desk = await startCountedDesk({ CRM_ADMIN_API_KEY: ADMIN, API_KEY_REQUESTS_PER_MINUTE: '1000000' });
    // A lead the bot registered, so lead, visit and message routes have something real to act on.
    const lead = desk.container.get(TOKENS.FakeWhatsApp).lead('+573005550101', 'Pedro Díaz');
    for (const text of ['Hola', 'pedro@correo.com', 'Acepto', 'asesor']) await lead.say(text);
    const document = (await (await call('GET', '/api/v1/openapi.json')).json()) as OpenApi;
    components = document.components?.schemas ?? {};
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'put', 'patch'].includes(method))
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          schema: op.requestBody?.content?.['application/json']?.schema ?? null,
        })),
    );
    const lists = Object.keys(document.paths).filter(
      (p) => !p.includes('{') && !p.endsWith('openapi.json') && !p.endsWith('/events'),
    );
    ids = [
      ...new Set(
        (
          await Promise.all(lists.map(async (p) => idsIn(await (await call('GET', p)).json().catch(() => null))))
        ).flat(),
      ),
    ];
    const leads = ids.filter((id) => id.startsWith('lead'));
    for (const id of leads) {
      await call('POST', `/api/v1/leads/${id}/visits`, JSON.stringify({ projectId: 'p-bog-1' }));
      ids.push(...idsIn(await (await call('GET', `/api/v1/leads/${id}/visits`)).json().catch(() => null)));
    }
  }, 60_000);
  afterAll(async () => desk?.close());

  it('knows the routes it fuzzes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(ids.length).toBeGreaterThanOrEqual(5);
  });

  it('never answers 500; a refusal is problem+json and changes no row', async () => {
    const requests = fc
      .record({
        route: fc.constantFrom(...routes),
        wrongId: fc.oneof(
          fc.constantFrom(...ids),
          fc.string({ unit: 'binary', maxLength: 20 }),
          fc.constantFrom('0', '-1', '..', '%00'),
        ),
        right: fc.nat(),
        useRight: fc.boolean(),
      })
      .chain(({ route, wrongId, right, useRight }) => {
        const rightIds = idsFor(route.path);
        const id = useRight ? (rightIds[right % rightIds.length] ?? wrongId) : wrongId;
        const existing = (name: string) =>
          /Ids?$/.test(name)
            ? fc.oneof(fc.constantFrom(...ids), fc.array(fc.constantFrom(...ids), { maxLength: 3 }))
            : undefined;
        const valid = route.schema === null ? fc.jsonValue() : valuesOf(route.schema, components, existing);
        const body = fc.oneof(
          valid.map((v) => JSON.stringify(v)),
          mutationsOf(valid).map((v) => JSON.stringify(v) ?? ''),
          fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc.constantFrom('', '{', 'null', '[]', '{"a":', '\u0000'),
        );
        return fc.record({
          method: fc.constant(route.method),
          path: fc.constant(route.path.replaceAll(/\{[^}]+\}/g, encodeURIComponent(id))),
          body,
        });
      });
    await fc.assert(
      fc.asyncProperty(requests, async ({ method, path, body }) => {
        await desk.settle();
        const before = await desk.rows();
        const response = await call(method, path, body);
        expect(
          response.status,
          `${method} ${path} ${body.slice(0, 300)}: ${await response.clone().text()}`,
        ).toBeLessThan(500);
        if (response.status >= 400) {
          expect(isProblem(response), `${response.status} ${response.headers.get('content-type')}`).toBe(true);
          expect(changedRows(before, await desk.rows()), `${method} ${path} ${body.slice(0, 300)}`).toEqual([]);
        }
      }),
      { numRuns: scaled(300, 2_000) },
    );
  }, 300_000);
});
