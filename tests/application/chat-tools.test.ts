import { describe, expect, it } from 'vitest';
import { FileTypeContentDetector } from '../../adapters/media/file-type-content-detector.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { CreateVisitQuote } from '../../application/use-cases/create-visit-quote.ts';
import { ListTemplates } from '../../application/use-cases/list-templates.ts';
import { ListVisitQuotes } from '../../application/use-cases/list-visit-quotes.ts';
import { SendQuote } from '../../application/use-cases/send-quote.ts';
import { RefreshTemplates } from '../../application/use-cases/refresh-templates.ts';
import { UploadMedia } from '../../application/use-cases/upload-media.ts';
import { MAX_UPLOAD_BYTES } from '../../domain/media/upload-policy.ts';
import { asId, type QuoteId, type UnitId } from '../../domain/shared/ids.ts';
import { DAY_MS } from '../../domain/shared/time.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { anOggOpus } from '../builders/media-fixtures.ts';
import { aQuotableCatalog } from '../builders/quotable-catalog.ts';
import { someTemplates } from '../builders/template-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { T0 } from '../support/t0.ts';
import { actorNamed } from '../support/actors.ts';
import { aWorld, quoteDepsOf } from '../support/world.ts';

const admin = actorNamed('admin');
const OGG = anOggOpus();

describe('UploadMedia', () => {
  const upload = (mimeType: string, bytes: Uint8Array) =>
    new UploadMedia(new InMemoryMediaStore(), new FileTypeContentDetector()).execute({
      actor: admin,
      bytes,
      mimeType,
      filename: ' nota.ogg ',
    });

  it('keeps an OGG voice note under its essence type and trimmed name', async () => {
    expect(await upload('Audio/OGG; codecs=opus', OGG)).toMatchObject({
      ok: true,
      value: { mimeType: 'audio/ogg', filename: 'nota.ogg', size: OGG.length },
    });
  });

  it('refuses WebM recordings, unknown types, empty and oversized files', async () => {
    expect(await upload('audio/webm', OGG)).toMatchObject({
      ok: false,
      error: { type: 'UnsupportedMediaType', reason: 'webm_voice_note' },
    });
    expect(await upload('audio/ogg', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]))).toMatchObject({
      error: { reason: 'webm_voice_note' },
    });
    expect(await upload('image/gif', OGG)).toMatchObject({
      error: { type: 'UnsupportedMediaType', reason: 'not_allowed' },
    });
    expect(await upload('application/pdf', new Uint8Array())).toMatchObject({ error: { type: 'EmptyFile' } });
    expect(await upload('application/pdf', new Uint8Array(MAX_UPLOAD_BYTES + 1))).toMatchObject({
      error: { type: 'MediaTooLarge' },
    });
  });
});

describe('RefreshTemplates', () => {
  it('turns an outage of the template source into TemplateSyncFailed', async () => {
    const refresh = new RefreshTemplates({ execute: () => Promise.reject(new Error('503 from Graph API')) });
    expect(await refresh.execute()).toEqual({
      ok: false,
      error: { type: 'TemplateSyncFailed', reason: '503 from Graph API' },
    });
  });
});

describe('visit quotes', () => {
  /** Marta, who wrote at T0, with a visit for p-bog-1 (two unit types, one unit each), and the templates. */
  const setup = async () => {
    const world = aWorld(T0);
    const { lead, conversation } = aLeadInConversation('lead-marta', '+573007770003', 'Marta Gil', 'u-ana', T0);
    const visit = aVisit().withId('visit-marta').ofLead(lead.id).forProject('p-bog-1').createdAt(T0).build();
    await world.given({
      catalog: aQuotableCatalog('p-bog-1'),
      templates: someTemplates(),
      leads: [lead],
      visits: [visit],
      conversations: [conversation],
    });
    const quoteDeps = quoteDepsOf(world);
    return {
      world,
      lead,
      visitId: visit.id,
      listTemplates: new ListTemplates(world.uow),
      createVisitQuote: new CreateVisitQuote(world.uow, quoteDeps),
      listVisitQuotes: new ListVisitQuotes(world.uow),
      sendQuote: new SendQuote(world.uow, world),
    };
  };

  it('lists approved templates only, with their parameter count', async () => {
    const { listTemplates } = await setup();
    expect((await listTemplates.execute()).map((t) => [t.name, t.parameterCount])).toEqual([
      ['bienvenida', 2],
      ['recordatorio_cita', 3],
    ]);
  });

  it('files a quote under the visit and the lead’s conversation; lists newest first', async () => {
    const { world, lead, visitId, createVisitQuote, listVisitQuotes } = await setup();

    const first = await createVisitQuote.execute({ actor: admin, visitId, unitId: asId<UnitId>('p-bog-1-t1-u1') });
    world.clock.advance(1000);
    await createVisitQuote.execute({ actor: admin, visitId, unitTypeId: asId('p-bog-1-t2') });
    const listed = await listVisitQuotes.execute({ actor: admin, visitId });
    const conversation = (await world.read((r) => r.conversations.byLead(lead.id)))[0];

    expect(first).toMatchObject({
      ok: true,
      value: { visitId, conversationId: conversation?.id, quote: { unitId: 'p-bog-1-t1-u1' } },
    });
    expect(listed.ok && listed.value.map((q) => q.record.quote.number)).toEqual(['COT-000002', 'COT-000001']);
    expect(await createVisitQuote.execute({ actor: admin, visitId })).toMatchObject({
      error: { type: 'UnitOrUnitTypeRequired' },
    });
  });

  it('never quotes a sold or reserved unit, nor a unit type with no available unit left', async () => {
    const { world, visitId, createVisitQuote, listVisitQuotes } = await setup();
    const sold = asId<UnitId>('p-bog-1-t1-u1');
    await world.read(async (repos) => {
      const catalog = await repos.catalog.all();
      await repos.catalog.upsert({
        ...catalog,
        units: catalog.units.map((u) => (u.id === sold ? { ...u, status: 'sold' as const } : u)),
      });
    });

    expect(await createVisitQuote.execute({ actor: admin, visitId, unitId: sold })).toEqual({
      ok: false,
      error: { type: 'UnitUnavailable', unitId: sold, status: 'sold' },
    });
    expect(await createVisitQuote.execute({ actor: admin, visitId, unitTypeId: asId('p-bog-1-t1') })).toEqual({
      ok: false,
      error: { type: 'NoUnitToQuote', unitTypeId: 'p-bog-1-t1' },
    });
    const listed = await listVisitQuotes.execute({ actor: admin, visitId });
    expect(listed.ok && listed.value).toEqual([]);
  });

  it('re-quotes a repriced unit as the next version of its number; the old version stays readable, not sendable', async () => {
    const { world, visitId, createVisitQuote, listVisitQuotes, sendQuote } = await setup();
    const unitId = asId<UnitId>('p-bog-1-t1-u1');
    const first = await createVisitQuote.execute({ actor: admin, visitId, unitId });
    if (!first.ok) throw new Error('no first quote');
    await world.read(async (repos) => {
      const catalog = await repos.catalog.all();
      await repos.catalog.upsert({
        ...catalog,
        units: catalog.units.map((u) =>
          u.id === unitId ? { ...u, price: { ...u.price, amount: u.price.amount + 10_000_000 } } : u,
        ),
      });
    });
    world.clock.advance(1000);
    const second = await createVisitQuote.execute({ actor: admin, visitId, unitId });
    if (!second.ok) throw new Error('no second quote');
    const other = await createVisitQuote.execute({ actor: admin, visitId, unitTypeId: asId('p-bog-1-t2') });
    const listed = await listVisitQuotes.execute({ actor: admin, visitId });

    expect(second.value.quote).toMatchObject({ number: first.value.quote.number, version: 2 });
    expect(second.value.quote.price.amount - first.value.quote.price.amount).toBe(10_000_000);
    expect(other).toMatchObject({ ok: true, value: { quote: { number: 'COT-000002', version: 1 } } });
    expect(listed.ok && listed.value.map((v) => [v.record.quote.number, v.record.quote.version, v.superseded])).toEqual(
      [
        ['COT-000002', 1, false],
        ['COT-000001', 2, false],
        ['COT-000001', 1, true],
      ],
    );
    expect((await world.read((r) => r.quotes.byId(first.value.quote.id)))?.quote.price).toEqual(
      first.value.quote.price,
    );
    expect(await sendQuote.execute({ actor: admin, author: asId('u-ana'), quoteId: first.value.quote.id })).toEqual({
      ok: false,
      error: {
        type: 'QuoteSuperseded',
        quoteId: first.value.quote.id,
        latestId: second.value.quote.id,
        latestVersion: 2,
      },
    });
    expect(
      await sendQuote.execute({ actor: admin, author: asId('u-ana'), quoteId: second.value.quote.id }),
    ).toMatchObject({
      ok: true,
      value: { document: { content: { filename: `${first.value.quote.number}-2.pdf` } } },
    });
  });

  it('sends the summary and the PDF inside the window, and nothing once it has closed', async () => {
    const { world, visitId, createVisitQuote, sendQuote } = await setup();
    const created = await createVisitQuote.execute({ actor: admin, visitId, unitTypeId: asId('p-bog-1-t1') });
    if (!created.ok) throw new Error('no quote');
    const quoteId = created.value.quote.id;

    const sent = await sendQuote.execute({ actor: admin, author: asId('u-ana'), quoteId });
    world.clock.advance(DAY_MS);
    const late = await sendQuote.execute({ actor: admin, author: asId('u-ana'), quoteId });

    expect(sent).toMatchObject({
      ok: true,
      value: {
        text: { visitId, content: { kind: 'text' } },
        document: { content: { filename: `${created.value.quote.number}.pdf` } },
      },
    });
    expect(late).toEqual({ ok: false, error: { type: 'WindowClosed' } });
    expect(
      await sendQuote.execute({ actor: admin, author: asId('u-ana'), quoteId: asId<QuoteId>('nope') }),
    ).toMatchObject({ error: { type: 'QuoteNotFound' } });
  });
});
