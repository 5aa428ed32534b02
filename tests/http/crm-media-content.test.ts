import { describe, expect, it } from 'vitest';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { aJpeg, anMp3, anOggOpus, anOggVorbis, aPdf, aPng, someText } from '../builders/media-fixtures.ts';
import { chatToolsRouter } from '../support/chat-tools-routes.ts';
import { startDesk } from '../support/desk-harness.ts';

const PHONE = '+573001130001';

/** A lead inside the 24-hour window and its advisor, over the CRM routes. */
const deskOverHttp = async () => {
  const desk = await startDesk();
  const { person, lead } = await registerThroughBot(desk, PHONE, 'Lucía Rojas');
  await desk.idle();
  const advisor = lead.advisorId ?? 'u-ana';
  const routes = chatToolsRouter(desk);
  const upload = (bytes: Uint8Array, type: string, name = 'archivo') =>
    routes.as(advisor).upload(new File([bytes], name, { type }));
  const uploaded = async (bytes: Uint8Array, type: string): Promise<string> => {
    const res = await upload(bytes, type);
    if (res.status !== 201) throw new Error(`upload of ${type} refused: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const send = (body: object) => routes.as(advisor).post(`/leads/${lead.id}/messages`, body);
  const sentCount = () => desk.whatsapp.sentTo(PHONE).length;
  return { desk, person, lead, advisor, upload, uploaded, send, sentCount, ...routes };
};

const mismatch = (declaredType: string, detectedType: string | null) => ({
  status: 415,
  code: 'media_content_mismatch',
  declaredType,
  detectedType,
});

describe('CRM uploads are checked by their content, not their label', () => {
  it.each([
    ['a PNG', 'audio/ogg', 'image/png', aPng()],
    ['an MP3', 'audio/ogg', 'audio/mpeg', anMp3()],
    ['an OGG/Vorbis file', 'audio/ogg', 'audio/ogg', anOggVorbis()],
    ['a PDF', 'image/jpeg', 'application/pdf', aPdf()],
    ['a JPEG', 'application/pdf', 'image/jpeg', aJpeg()],
    ['a PNG', 'text/plain', 'image/png', aPng()],
    ['text', 'image/png', null, someText()],
  ])('refuses %s labelled %s with 415, naming what it is', async (_what, declared, detected, bytes) => {
    const { upload } = await deskOverHttp();

    const res = await upload(bytes, declared);

    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject(mismatch(declared, detected));
  });

  it('refuses text/plain with binary bytes that no signature names', async () => {
    const { upload } = await deskOverHttp();

    const res = await upload(new Uint8Array([0x48, 0x6f, 0x6c, 0x61, 0x00, 0x01, 0x02, 0xfe]), 'text/plain');

    expect(await res.json()).toMatchObject(mismatch('text/plain', null));
  });

  it.each([
    ['an OGG/Opus voice note', 'audio/ogg; codecs=opus', 'audio/ogg', anOggOpus()],
    ['a PNG', 'image/png', 'image/png', aPng()],
    ['a JPEG', 'image/jpeg', 'image/jpeg', aJpeg()],
    ['a PDF', 'application/pdf', 'application/pdf', aPdf()],
    ['an MP3', 'audio/mpeg', 'audio/mpeg', anMp3()],
    ['plain text', 'text/plain;charset=utf-8', 'text/plain', someText()],
  ])('accepts %s labelled as what it is', async (_what, declared, kept, bytes) => {
    const { upload } = await deskOverHttp();

    const res = await upload(bytes, declared);

    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ mimeType: kept, size: bytes.length });
  });
});

describe('CRM sends are checked against the stored bytes', () => {
  it.each([
    ['a PNG', 'image/png', 'image/png', aPng()],
    ['an MP3', 'audio/mpeg', 'audio/mpeg', anMp3()],
  ])('refuses %s sent as a voice note: 415, and nothing reaches WhatsApp', async (_what, type, detected, bytes) => {
    const { desk, uploaded, send, sentCount } = await deskOverHttp();
    const id = await uploaded(bytes, type);
    const before = sentCount();

    const res = await send({ kind: 'voice', mediaId: id });
    await desk.idle();

    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject(mismatch('audio/ogg', detected));
    expect(sentCount()).toBe(before);
  });

  it('refuses a PDF sent as a JPEG image, and a PNG labelled as a PDF document', async () => {
    const { uploaded, send } = await deskOverHttp();
    const pdf = await uploaded(aPdf(), 'application/pdf');
    const png = await uploaded(aPng(), 'image/png');

    const image = await send({ kind: 'media', mediaKind: 'image', mediaId: pdf, mimeType: 'image/jpeg' });
    const document = await send({
      kind: 'media',
      mediaKind: 'document',
      mediaId: png,
      mimeType: 'application/pdf',
      filename: 'plano.pdf',
    });

    expect(await image.json()).toMatchObject(mismatch('image/jpeg', 'application/pdf'));
    expect(await document.json()).toMatchObject(mismatch('application/pdf', 'image/png'));
  });

  it('refuses a PDF sent as an image even when its type says PDF (422: WhatsApp images are JPEG or PNG)', async () => {
    const { uploaded, send, sentCount } = await deskOverHttp();
    const pdf = await uploaded(aPdf(), 'application/pdf');
    const before = sentCount();

    const res = await send({ kind: 'media', mediaKind: 'image', mediaId: pdf, mimeType: 'application/pdf' });

    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      code: 'invalid_message',
      violations: ['image files are image/jpeg or image/png, not application/pdf'],
    });
    expect(sentCount()).toBe(before);
  });

  it('refuses a PDF as a template header image', async () => {
    const { desk, uploaded, send } = await deskOverHttp();
    const pdf = await uploaded(aPdf(), 'application/pdf');
    desk.clock.advance(2 * 24 * 60 * 60 * 1000);

    const res = await send({
      kind: 'template',
      name: 'bienvenida',
      language: 'es_CO',
      parameters: ['Lucía', 'Ana'],
      header: { kind: 'media', mediaKind: 'image', mediaId: pdf, mimeType: 'image/jpeg' },
    });

    expect(await res.json()).toMatchObject(mismatch('image/jpeg', 'application/pdf'));
  });

  it('sends an OGG/Opus recording as a voice note, labelled audio/ogg, and a PNG as an image', async () => {
    const { desk, uploaded, send } = await deskOverHttp();
    const voice = await uploaded(anOggOpus(), 'audio/ogg;codecs=opus');
    const png = await uploaded(aPng(), 'image/png');

    const sentVoice = await send({ kind: 'voice', mediaId: voice });
    const sentImage = await send({ kind: 'media', mediaKind: 'image', mediaId: png, mimeType: 'image/png' });
    await desk.idle();

    expect(sentVoice.status).toBe(202);
    expect(sentImage.status).toBe(202);
    expect(
      desk.whatsapp
        .sentTo(PHONE)
        .slice(-2)
        .map((m) => m.content),
    ).toEqual([
      { kind: 'media', mediaKind: 'audio', mediaId: voice, mimeType: 'audio/ogg', voice: true },
      { kind: 'media', mediaKind: 'image', mediaId: png, mimeType: 'image/png' },
    ]);
  });
});
