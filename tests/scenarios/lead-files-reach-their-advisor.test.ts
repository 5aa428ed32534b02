import { describe, expect, it } from 'vitest';
import type { Actor } from '../../application/ports/actor.ts';
import type { InboundContent } from '../../domain/messaging/message.ts';
import type { LeadId, MediaId } from '../../domain/shared/ids.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { chatToolsUseCases } from '../support/chat-tools-routes.ts';
import { startDesk, type Desk } from '../support/desk-harness.ts';
import { actorNamed } from '../support/lead-desk-routes.ts';

const advisor = (id: string | null): Actor => actorNamed(id ?? 'nobody');
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

/**
 * Leads send files over WhatsApp; the desk copies them and files them under whoever they belong to, so only
 * the advisor the lead has (with managers and admins) may open them from the CRM.
 */
describe("a lead's files reach their advisor, and no other", () => {
  it('files a lead sends belong to that lead: its advisor reads them, another advisor gets MediaNotFound', async () => {
    const desk = await startDesk();
    const mine = (await registerThroughBot(desk, '+573001110001', 'Lucía Rojas')).lead;
    const theirs = (await registerThroughBot(desk, '+573001110002', 'Pedro Díaz')).lead;
    if (mine.advisorId === null || theirs.advisorId === null || mine.advisorId === theirs.advisorId)
      throw new Error('expected two advisors');
    const { getMedia } = chatToolsUseCases(desk);
    await desk.whatsapp.lead(theirs.phone ?? '').sendImage('la fachada');
    const id = await inboundMediaOf(desk, theirs.id);

    expect((await desk.media.get(id))?.owner).toEqual({ kind: 'lead', leadId: theirs.id });
    expect(await getMedia.execute({ actor: advisor(theirs.advisorId), mediaId: id })).toMatchObject({ ok: true });
    expect(await getMedia.execute({ actor: advisor(mine.advisorId), mediaId: id })).toEqual(notFound(id));
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
});
