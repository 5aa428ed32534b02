import { describe, expect, it } from 'vitest';
import type { Actor } from '../../application/ports/actor.ts';
import type { AgentContent } from '../../application/use-cases/send-agent-message.ts';
import type { InboundContent } from '../../domain/messaging/message.ts';
import { asId, type LeadId, type MediaId, type UserId } from '../../domain/shared/ids.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { aPdf } from '../builders/media-fixtures.ts';
import { chatToolsUseCases } from '../support/chat-tools-routes.ts';
import { startDesk, type Desk } from '../support/desk-harness.ts';
import { actorNamed, leadUseCases } from '../support/lead-desk-routes.ts';

const advisor = (id: string | null): Actor => actorNamed(id ?? 'nobody');
const manager = actorNamed('u-jorge');
const admin = actorNamed('admin');

const document = (mediaId: MediaId): AgentContent => ({
  kind: 'media',
  mediaKind: 'document',
  mediaId,
  mimeType: 'application/pdf',
  filename: 'brochure.pdf',
});

/** Two leads registered through the bot, each with their own advisor. */
const twoAdvisors = async () => {
  const desk = await startDesk();
  const mine = (await registerThroughBot(desk, '+573001110001', 'Lucía Rojas')).lead;
  const theirs = (await registerThroughBot(desk, '+573001110002', 'Pedro Díaz')).lead;
  if (mine.advisorId === null || theirs.advisorId === null || mine.advisorId === theirs.advisorId)
    throw new Error('expected two advisors');
  const me = advisor(mine.advisorId);
  const them = advisor(theirs.advisorId);
  const tools = chatToolsUseCases(desk);
  const upload = async (actor: Actor): Promise<MediaId> => {
    const uploaded = await tools.uploadMedia.execute({
      actor,
      bytes: aPdf(),
      mimeType: 'application/pdf',
      filename: 'brochure.pdf',
    });
    if (!uploaded.ok) throw new Error(`upload refused: ${uploaded.error.type}`);
    return uploaded.value.id;
  };
  const read = (actor: Actor, mediaId: MediaId) => tools.getMedia.execute({ actor, mediaId });
  const send = (actor: Actor, leadId: LeadId, content: AgentContent) =>
    desk.sendAgentMessage.execute({
      actor,
      leadId,
      author: (actor.kind === 'user' ? actor.userId : 'bootstrap-admin') as UserId,
      content,
    });
  return { desk, mine, theirs, me, them, upload, read, send, ...tools };
};

const notFound = (mediaId: MediaId) => ({ ok: false, error: { type: 'MediaNotFound', mediaId } });

const inboundMediaOf = async (desk: Desk, leadId: LeadId): Promise<MediaId> => {
  const messages = await desk.read((r) => r.messages.byLead(leadId));
  const media = messages.flatMap((m) =>
    m.direction === 'inbound' && m.content.kind === 'media'
      ? [m.content as Extract<InboundContent, { kind: 'media' }>]
      : [],
  );
  const id = media.at(-1)?.mediaId;
  if (id === undefined) throw new Error('no stored inbound file');
  return id;
};

describe('media authorisation', () => {
  it('records the uploader, who (with managers and admins) alone reads a fresh upload', async () => {
    const { desk, me, them, upload, read } = await twoAdvisors();
    const id = await upload(me);

    expect((await desk.media.get(id))?.owner).toEqual({ kind: 'user', userId: me.kind === 'user' ? me.userId : null });
    expect(await read(them, id)).toEqual(notFound(id));
    expect(await read(me, id)).toMatchObject({ ok: true, value: { mimeType: 'application/pdf' } });
    expect(await read(manager, id)).toMatchObject({ ok: true });
    expect(await read(admin, id)).toMatchObject({ ok: true });
  });

  it("refuses to attach another advisor's upload (MediaNotFound), queueing nothing, also as a template header", async () => {
    const { desk, me, them, theirs, upload, send } = await twoAdvisors();
    const id = await upload(me);
    const before = (await desk.read((r) => r.messages.byLead(theirs.id))).length;

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
    expect(await desk.read((r) => r.messages.byLead(theirs.id))).toHaveLength(before);
  });

  it('lets whoever handles a lead read the files sent in its conversation, and nobody else', async () => {
    const { mine, me, them, upload, send, read } = await twoAdvisors();
    const id = await upload(me);

    expect(await send(me, mine.id, document(id))).toMatchObject({ ok: true });
    expect(await read(me, id)).toMatchObject({ ok: true });
    expect(await read(them, id)).toEqual(notFound(id));
  });

  it('files a lead sends belong to that lead: its advisor reads them, another advisor gets MediaNotFound', async () => {
    const { desk, theirs, me, them, read } = await twoAdvisors();
    await desk.whatsapp.lead(theirs.phone ?? '').sendImage('la fachada');
    const id = await inboundMediaOf(desk, theirs.id);

    expect((await desk.media.get(id))?.owner).toEqual({ kind: 'lead', leadId: theirs.id });
    expect(await read(them, id)).toMatchObject({ ok: true });
    expect(await read(me, id)).toEqual(notFound(id));
  });

  it('a file sent before the lead registered belongs to the conversation, and so to the advisor it gets', async () => {
    const desk = await startDesk();
    const person = desk.whatsapp.lead('+573001110003', 'Marta Gil');
    await person.say('Hola');
    await person.sendDocument('cedula.pdf');
    const lead = (await registerThroughBot(desk, '+573001110003', 'Marta Gil')).lead;
    const id = await inboundMediaOf(desk, lead.id);
    const others = ['u-ana', 'u-carlos', 'u-valentina'].filter((u) => u !== lead.advisorId);
    const { getMedia } = chatToolsUseCases(desk);

    expect((await desk.media.get(id))?.owner).toMatchObject({ kind: 'conversation' });
    expect(await getMedia.execute({ actor: advisor(lead.advisorId), mediaId: id })).toMatchObject({ ok: true });
    for (const other of others)
      expect(await getMedia.execute({ actor: advisor(other), mediaId: id })).toEqual(notFound(id));
  });

  it("a quote's PDF belongs to the quote's lead", async () => {
    const { desk, mine, me, them, read, createVisitQuote } = await twoAdvisors();
    const visit = await leadUseCases(desk).openVisit.execute({
      actor: me,
      leadId: mine.id,
      projectId: asId('p-bog-1'),
    });
    if (!visit.ok) throw new Error('no visit');
    const quote = await createVisitQuote.execute({
      actor: me,
      visitId: visit.value.id,
      unitTypeId: asId('p-bog-1-t1'),
    });
    const pdf = quote.ok ? quote.value.pdfMediaId : null;
    if (pdf === null) throw new Error('no quote PDF');

    expect((await desk.media.get(pdf))?.owner).toEqual({ kind: 'lead', leadId: mine.id });
    expect(await read(me, pdf)).toMatchObject({ ok: true });
    expect(await read(them, pdf)).toEqual(notFound(pdf));
  });

  it('fails closed on a file with no owner recorded (kept before owners were): managers and admins only', async () => {
    const { desk, mine, me, send, read } = await twoAdvisors();
    const old = await desk.media.put({
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
    const { desk, mine, me, createVisitQuote, sendQuote } = await twoAdvisors();
    const visit = await leadUseCases(desk).openVisit.execute({
      actor: me,
      leadId: mine.id,
      projectId: asId('p-bog-1'),
    });
    if (!visit.ok) throw new Error('no visit');
    const quote = await createVisitQuote.execute({
      actor: me,
      visitId: visit.value.id,
      unitTypeId: asId('p-bog-1-t1'),
    });
    if (!quote.ok || quote.value.pdfMediaId === null) throw new Error('no quote PDF');
    // As a quote kept before owners were recorded: its PDF has none.
    const pdf = await desk.media.get(quote.value.pdfMediaId);
    if (pdf === null) throw new Error('no PDF');
    const ownerless = await desk.media.put({ ...pdf, owner: null });
    await desk.read((r) => r.quotes.save({ ...quote.value, pdfMediaId: ownerless }));

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
