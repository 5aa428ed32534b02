import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessTokenRejected } from '../../../adapters/whatsapp/meta-cloud/access-token-rejected.ts';
import { MetaTemplateSource, templateStatus } from '../../../adapters/whatsapp/meta-cloud/meta-template-source.ts';
import type { StubTemplate } from '../../support/stub-graph-api.ts';
import { openMetaCloud, TOKEN, VERSION, WABA, type MetaCloudHarness } from './meta-cloud-harness.ts';

const metaTemplate = (name: string, status: string, body?: string): StubTemplate => ({
  name,
  language: 'es_CO',
  status,
  category: 'UTILITY',
  components: [
    { type: 'HEADER', text: 'Inmobiliaria X' },
    ...(body === undefined ? [] : [{ type: 'BODY', text: body }]),
    { type: 'FOOTER', text: 'Responde STOP' },
  ],
});

describe('MetaTemplateSource', () => {
  let h: MetaCloudHarness;
  beforeEach(async () => (h = await openMetaCloud({ retry: { maxAttempts: 2 } })));
  afterEach(() => h.close());
  const source = () => new MetaTemplateSource(h.client);

  it("reads every page of the business account's templates and keeps exactly what Meta lists", async () => {
    h.stub.templates.push(
      metaTemplate('lead_followup', 'APPROVED', 'Hola {{1}}, ¿seguimos con {{2}}?'),
      metaTemplate('visit_reminder', 'PENDING', 'Tu visita es el {{1}}'),
      metaTemplate('old_promo', 'REJECTED', 'Promo'),
    );
    expect(await source().fetchAll()).toEqual([
      {
        name: 'lead_followup',
        language: 'es_CO',
        category: 'UTILITY',
        status: 'APPROVED',
        body: 'Hola {{1}}, ¿seguimos con {{2}}?',
      },
      {
        name: 'visit_reminder',
        language: 'es_CO',
        category: 'UTILITY',
        status: 'PENDING',
        body: 'Tu visita es el {{1}}',
      },
      { name: 'old_promo', language: 'es_CO', category: 'UTILITY', status: 'REJECTED', body: 'Promo' },
    ]);
    const pages = h.stub.requestsTo(`/${VERSION}/${WABA}/message_templates`);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({ method: 'GET', authorization: `Bearer ${TOKEN}` });
    expect(new URLSearchParams(pages[0]?.query).get('limit')).toBe('100');
    expect(new URLSearchParams(pages[1]?.query).get('after')).toBe('page-2');
  });

  it('returns nothing when the account has no templates', async () => {
    expect(await source().fetchAll()).toEqual([]);
  });

  it('takes the body text, or none when the template has no body', async () => {
    h.stub.templates.push(metaTemplate('header_only', 'APPROVED'));
    expect((await source().fetchAll())[0]?.body).toBe('');
  });

  it.each([
    ['APPROVED', 'APPROVED'],
    ['PENDING', 'PENDING'],
    ['IN_APPEAL', 'PENDING'],
    ['REJECTED', 'REJECTED'],
    ['PAUSED', 'PAUSED'],
    ['DISABLED', 'DISABLED'],
    ['DELETED', 'DISABLED'],
    ['PENDING_DELETION', 'DISABLED'],
    ['LIMIT_EXCEEDED', 'DISABLED'],
    ['SOMETHING_NEW', 'DISABLED'],
    ['approved', 'APPROVED'],
  ])('maps Meta status %s to %s (only APPROVED is ever offered)', (meta, ours) => {
    expect(templateStatus(meta)).toBe(ours);
  });

  it('retries a transient failure on a page, and throws when the sync cannot finish', async () => {
    h.stub.templates.push(metaTemplate('a', 'APPROVED', 'A'), metaTemplate('b', 'APPROVED', 'B'));
    h.stub.failNext(1, { status: 503, error: { code: 2 } });
    expect(await source().fetchAll()).toHaveLength(2);
    h.stub.failNext(2, { status: 500, error: { code: 1 } });
    await expect(source().fetchAll()).rejects.toThrow(/template sync failed: 1 API Unknown/);
  });

  it('throws AccessTokenRejected on a refused token', async () => {
    h.stub.failNext(1, { status: 401, error: { code: 190 } });
    await expect(source().fetchAll()).rejects.toBeInstanceOf(AccessTokenRejected);
  });
});
