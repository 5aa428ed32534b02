import { describe, expect, it } from 'vitest';
import type { Actor } from '../../application/ports/actor.ts';
import { CreateVisitQuote } from '../../application/use-cases/create-visit-quote.ts';
import { GetMedia } from '../../application/use-cases/get-media.ts';
import { type AgentContent, SendAgentMessage } from '../../application/use-cases/send-agent-message.ts';
import { SendQuote } from '../../application/use-cases/send-quote.ts';
import { UploadMedia } from '../../application/use-cases/upload-media.ts';
import { asId, type LeadId, type MediaId, type UserId } from '../../domain/shared/ids.ts';
import { aLeadInConversation } from '../builders/lead-in-conversation.ts';
import { aPdf } from '../builders/media-fixtures.ts';
import { aQuotableCatalog } from '../builders/quotable-catalog.ts';
import { bienvenida } from '../builders/template-builder.ts';
import { aVisit } from '../builders/visit-builder.ts';
import { T0 } from '../support/t0.ts';
import { actorNamed } from '../support/actors.ts';
import { aWorld, quoteDepsOf } from '../support/world.ts';

const advisor = (id: string): Actor => actorNamed(id);
const manager = actorNamed('u-jorge');
const admin = actorNamed('admin');

const document = (mediaId: MediaId): AgentContent => ({
  kind: 'media',
  mediaKind: 'document',
  mediaId,
  mimeType: 'application/pdf',
  filename: 'brochure.pdf',
});

/** Ana's lead Lucía and Carlos's lead Pedro, both of whom wrote at T0 and have a visit for p-bog-1. */
const twoAdvisors = async () => {
  const world = aWorld(T0);
  const mine = aLeadInConversation('lead-lucia', '+573001110001', 'Lucía Rojas', 'u-ana', T0);
  const theirs = aLeadInConversation('lead-pedro', '+573001110002', 'Pedro Díaz', 'u-carlos', T0);
  const visit = aVisit().withId('visit-lucia').ofLead(mine.lead.id).forProject('p-bog-1').createdAt(T0).build();
  await world.given({
    catalog: aQuotableCatalog('p-bog-1'),
    templates: [bienvenida().build()],
    leads: [mine.lead, theirs.lead],
    visits: [visit],
    conversations: [mine.conversation, theirs.conversation],
  });
  const me = advisor('u-ana');
  const them = advisor('u-carlos');
  const uploadMedia = new UploadMedia(world.media, world.detector);
  const getMedia = new GetMedia(world.uow, world.media);
  const sendAgentMessage = new SendAgentMessage(world.uow, world);
  const upload = async (actor: Actor): Promise<MediaId> => {
    const uploaded = await uploadMedia.execute({
      actor,
      bytes: aPdf(),
      mimeType: 'application/pdf',
      filename: 'brochure.pdf',
    });
    if (!uploaded.ok) throw new Error(`upload refused: ${uploaded.error.type}`);
    return uploaded.value.id;
  };
  const read = (actor: Actor, mediaId: MediaId) => getMedia.execute({ actor, mediaId });
  const send = (actor: Actor, leadId: LeadId, content: AgentContent) =>
    sendAgentMessage.execute({
      actor,
      leadId,
      author: (actor.kind === 'user' ? actor.userId : 'bootstrap-admin') as UserId,
      content,
    });
  return {
    world,
    mine: mine.lead,
    theirs: theirs.lead,
    visitId: visit.id,
    me,
    them,
    upload,
    read,
    send,
    createVisitQuote: new CreateVisitQuote(world.uow, quoteDepsOf(world)),
    sendQuote: new SendQuote(world.uow, world),
  };
};

const notFound = (mediaId: MediaId) => ({ ok: false, error: { type: 'MediaNotFound', mediaId } });

describe('media authorisation', () => {
  it('records the uploader, who (with managers and admins) alone reads a fresh upload', async () => {
    const { world, me, them, upload, read } = await twoAdvisors();
    const id = await upload(me);

    expect((await world.media.get(id))?.owner).toEqual({ kind: 'user', userId: me.kind === 'user' ? me.userId : null });
    expect(await read(them, id)).toEqual(notFound(id));
    expect(await read(me, id)).toMatchObject({ ok: true, value: { mimeType: 'application/pdf' } });
    expect(await read(manager, id)).toMatchObject({ ok: true });
    expect(await read(admin, id)).toMatchObject({ ok: true });
  });

  it("refuses to attach another advisor's upload (MediaNotFound), queueing nothing, also as a template header", async () => {
    const { world, me, them, theirs, upload, send } = await twoAdvisors();
    const id = await upload(me);
    const before = (await world.read((r) => r.messages.byLead(theirs.id))).length;

    const asFile = await send(them, theirs.id, document(id));
    const asHeader = await send(them, theirs.id, {
      kind: 'template',
      name: 'bienvenida',
      language: 'es_CO',
      parameters: ['Pedro', 'Ana'],
      header: { kind: 'media', mediaKind: 'document', mediaId: id, mimeType: 'application/pdf' },
    });

    expect(asFile).toEqual(notFound(id));
    expect(asHeader).toEqual(notFound(id));
    expect(await world.read((r) => r.messages.byLead(theirs.id))).toHaveLength(before);
  });

  it('lets whoever handles a lead read the files sent in its conversation, and nobody else', async () => {
    const { mine, me, them, upload, send, read } = await twoAdvisors();
    const id = await upload(me);

    expect(await send(me, mine.id, document(id))).toMatchObject({ ok: true });
    expect(await read(me, id)).toMatchObject({ ok: true });
    expect(await read(them, id)).toEqual(notFound(id));
  });

  it("a quote's PDF belongs to the quote's lead", async () => {
    const { world, mine, me, them, visitId, read, createVisitQuote } = await twoAdvisors();
    const quote = await createVisitQuote.execute({
      actor: me,
      visitId,
      unitTypeId: asId('p-bog-1-t1'),
    });
    const pdf = quote.ok ? quote.value.pdfMediaId : null;
    if (pdf === null) throw new Error('no quote PDF');

    expect((await world.media.get(pdf))?.owner).toEqual({ kind: 'lead', leadId: mine.id });
    expect(await read(me, pdf)).toMatchObject({ ok: true });
    expect(await read(them, pdf)).toEqual(notFound(pdf));
  });

  it('fails closed on a file with no owner recorded (kept before owners were): managers and admins only', async () => {
    const { world, mine, me, send, read } = await twoAdvisors();
    const old = await world.media.put({
      bytes: aPdf(),
      mimeType: 'application/pdf',
      filename: 'viejo.pdf',
      owner: null,
    });
    // Even when a message of the advisor's own lead names it: who attached it back then is unknown.
    expect(await send(admin, mine.id, document(old))).toMatchObject({ ok: true });

    expect(await read(me, old)).toEqual(notFound(old));
    expect(await send(me, mine.id, document(old))).toEqual(notFound(old));
    expect(await read(manager, old)).toMatchObject({ ok: true });
    expect(await read(admin, old)).toMatchObject({ ok: true });
  });

  it('sends a quote whose PDF an advisor may not read as its summary alone, never half a quote', async () => {
    const { world, me, visitId, createVisitQuote, sendQuote } = await twoAdvisors();
    const quote = await createVisitQuote.execute({
      actor: me,
      visitId,
      unitTypeId: asId('p-bog-1-t1'),
    });
    if (!quote.ok || quote.value.pdfMediaId === null) throw new Error('no quote PDF');
    // As a quote kept before owners were recorded: its PDF has none.
    const pdf = await world.media.get(quote.value.pdfMediaId);
    if (pdf === null) throw new Error('no PDF');
    const ownerless = await world.media.put({ ...pdf, owner: null });
    await world.read((r) => r.quotes.save({ ...quote.value, pdfMediaId: ownerless }));

    const sent = await sendQuote.execute({
      actor: me,
      author: asId<UserId>(me.kind === 'user' ? me.userId : ''),
      quoteId: quote.value.quote.id,
    });
    const byManager = await sendQuote.execute({
      actor: manager,
      author: asId<UserId>('u-jorge'),
      quoteId: quote.value.quote.id,
    });

    expect(sent).toMatchObject({ ok: true, value: { text: { content: { kind: 'text' } }, document: null } });
    expect(byManager).toMatchObject({
      ok: true,
      value: { document: { content: { kind: 'media', mediaId: ownerless } } },
    });
  });
});
