import { describe, expect, it } from 'vitest';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { aPdf } from '../builders/media-fixtures.ts';
import { chatToolsRouter } from '../support/chat-tools-routes.ts';
import { startDesk } from '../support/desk-harness.ts';

/** Two leads on WhatsApp, each handled by their own advisor, over the CRM routes. */
const twoAdvisorsOverHttp = async () => {
  const desk = await startDesk();
  const mine = await registerThroughBot(desk, '+573001120001', 'Lucía Rojas');
  const theirs = await registerThroughBot(desk, '+573001120002', 'Pedro Díaz');
  await desk.idle();
  const [me, them] = [mine.lead.advisorId, theirs.lead.advisorId];
  if (me === null || them === null || me === them) throw new Error('expected two advisors');
  const routes = chatToolsRouter(desk);
  const upload = async (actor: string): Promise<string> => {
    const res = await routes.as(actor).upload(new File([aPdf()], 'brochure.pdf', { type: 'application/pdf' }));
    return ((await res.json()) as { id: string }).id;
  };
  return { desk, mine, theirs, me, them, upload, ...routes };
};

const documentBody = (mediaId: string) => ({
  kind: 'media',
  mediaKind: 'document',
  mediaId,
  mimeType: 'application/pdf',
  filename: 'brochure.pdf',
});

describe('CRM media over HTTP: two advisors', () => {
  it("answers another advisor's download of a fresh upload with 404 problem+json, like an unknown id", async () => {
    const { as, me, them, upload } = await twoAdvisorsOverHttp();
    const id = await upload(me);

    const refused = await as(them).get(`/media/${id}`);
    const unknown = await as(them).get('/media/media-none');

    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ status: 404, code: 'media_not_found' });
    expect(unknown.status).toBe(404);
    expect((await as(me).get(`/media/${id}`)).status).toBe(200);
    expect((await as('u-jorge').get(`/media/${id}`)).status).toBe(200);
    expect((await as('admin').get(`/media/${id}`)).status).toBe(200);
  });

  it("refuses to attach another advisor's upload to one's own lead: 404, and nothing reaches WhatsApp", async () => {
    const { desk, as, me, them, theirs, upload } = await twoAdvisorsOverHttp();
    const id = await upload(me);
    const before = desk.whatsapp.sentTo(theirs.person.phone).length;

    const attached = await as(them).post(`/leads/${theirs.lead.id}/messages`, documentBody(id));
    await desk.idle();

    expect(attached.status).toBe(404);
    expect(attached.headers.get('content-type')).toContain('application/problem+json');
    expect(await attached.json()).toMatchObject({ code: 'media_not_found' });
    expect(desk.whatsapp.sentTo(theirs.person.phone)).toHaveLength(before);
    expect((await as(them).get(`/media/${id}`)).status).toBe(404);
  });

  it("lets each advisor download the files their own lead sent, not the other advisor's lead's", async () => {
    const { desk, as, me, them, mine } = await twoAdvisorsOverHttp();
    await mine.person.sendDocument('cedula.pdf');
    const conversation = (await (await as(me).get(`/leads/${mine.lead.id}/conversation`)).json()) as {
      messages: { direction: string; content: { kind: string; mediaId?: string } }[];
    };
    const id = conversation.messages.find((m) => m.direction === 'inbound' && m.content.mediaId !== undefined)?.content
      .mediaId;
    if (id === undefined) throw new Error('the lead’s document was not stored');
    await desk.idle();

    expect((await as(me).get(`/media/${id}`)).status).toBe(200);
    expect((await as(them).get(`/media/${id}`)).status).toBe(404);
  });
});
