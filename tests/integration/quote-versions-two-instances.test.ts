import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { PdfQuoteDocumentRenderer } from '../../adapters/pdf/pdf-quote-document-renderer.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import { CreateVisitQuote } from '../../application/use-cases/create-visit-quote.ts';
import { asId, type ConversationId, type UnitId } from '../../domain/shared/ids.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { aQuotableCatalog } from '../builders/quotable-catalog.ts';
import { aUser } from '../builders/user-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { openTestPostgres } from '../support/database.ts';
import { usePostgresInstances } from './postgres-instances.ts';

const T = Date.UTC(2026, 11, 3, 15);
const target = await openTestPostgres();
const admin = { kind: 'bootstrap-admin', role: 'admin' } as const;
const unitId = asId<UnitId>('p-bog-1-t1-u1');

/** Two app instances re-quoting one unit to one lead at the same moment. */
describe.skipIf(target === null)('postgres: quote versions across instances', () => {
  const { repos, uowOf } = usePostgresInstances(target);
  const media = new InMemoryMediaStore();
  const renderer = new PdfQuoteDocumentRenderer();
  /** Ids distinct per worker and per attempt (a worker that lost the race runs its transaction again). */
  const ids = (n: number): IdGenerator => {
    let k = 0;
    return {
      next: (prefix) => {
        k += 1;
        return asId(`${prefix}_w${n}_${k}`);
      },
    };
  };
  const quoteFrom = (n: number) =>
    new CreateVisitQuote(uowOf(n), { clock: new FixedClock(T), ids: ids(n), renderer, media });

  it('gives two racing re-quotes the next two versions of the number, never the same one', async () => {
    await repos().organisation.saveUser(aUser().withId('u-ana').withRole('advisor').build());
    await repos().catalog.upsert(aQuotableCatalog('p-bog-1'));
    const { lead, conversation } = aLeadInConversation('lead-1', '+573001112233', 'Marta Gil', 'u-ana', T);
    await repos().leads.save(lead);
    await repos().conversations.save(conversation);
    const visit = aVisit().withId('visit-1').ofLead(lead.id).forProject('p-bog-1').build();
    await repos().visits.save(visit);
    const first = await quoteFrom(0).execute({ actor: admin, visitId: visit.id, unitId });

    const racing = await Promise.all(
      [1, 2].map((n) => quoteFrom(n).execute({ actor: admin, visitId: visit.id, unitId })),
    );
    const latest = await repos().quotes.latestForUnit(asId<ConversationId>(conversation.id), unitId);

    expect(first).toMatchObject({ ok: true, value: { quote: { number: 'COT-000001', version: 1 } } });
    expect(racing.map((r) => r.ok && [r.value.quote.number, r.value.quote.version]).sort()).toEqual([
      ['COT-000001', 2],
      ['COT-000001', 3],
    ]);
    expect(latest?.quote.version).toBe(3);
    expect((await repos().quotes.byVisit(visit.id)).map((r) => r.quote.version).sort()).toEqual([1, 2, 3]);
  });
});
