import { describe, expect, it } from 'vitest';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import type { InboundContent } from '../../domain/messaging/message.ts';
import { asId, type LineId, type MediaId } from '../../domain/shared/ids.ts';
import { DAY_MS, MINUTE_MS } from '../../domain/shared/time.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { phone } from '../builders/phone.ts';
import { startDesk, type Desk } from '../support/desk-harness.ts';
import { expired, mediaOf, pending, transient } from '../support/inbound-files.ts';

/** What the pipeline does when it is woken (or polled): inbox, outbox and files, until nothing is due. */
const workOff = (desk: Desk) => desk.idle();

/** Works the inbox off, then copies every due file one by one, as the media worker does: what each file became. */
const copyFiles = async (desk: Desk) => {
  await desk.container.get(TOKENS.ProcessInbox).drain();
  const worker = desk.container.get(TOKENS.FetchInboundMedia);
  const done = [];
  for (let step = await worker.step(); step !== null; step = await worker.step()) done.push(step);
  return done;
};

/**
 * Leads send photos, documents and voice notes over WhatsApp; the whole pipeline (webhook, inbox, media lane)
 * copies each into the desk's store and files it on its message, or says why it could not.
 */
describe('a lead sends files over WhatsApp', () => {
  it('are copied from WhatsApp and filed on the message, so the CRM can show them', async () => {
    const desk = await startDesk();
    await desk.whatsapp.lead('+573001230001').sendVoiceNote();

    const media = await mediaOf(desk, '+573001230001');
    expect(media).toMatchObject({ mediaKind: 'audio', voice: true, mediaId: expect.any(String) });
    const file = await desk.media.get(media?.mediaId ?? asId<MediaId>('none'));
    expect(file?.mimeType).toBe(media?.mimeType);
  });

  it('survive a failed download: the copy is retried later instead of being dropped', async () => {
    const desk = await startDesk();
    desk.whatsapp.failNextDownloads(2, transient);
    await desk.whatsapp.lead('+573001230002').sendImage('la fachada');
    expect((await mediaOf(desk, '+573001230002'))?.mediaId).toBeUndefined();

    desk.clock.advance(MINUTE_MS);
    await workOff(desk);
    desk.clock.advance(10 * MINUTE_MS);
    await workOff(desk);

    expect((await mediaOf(desk, '+573001230002'))?.mediaId).toEqual(expect.any(String));
    expect(await pending(desk)).toBe(0);
  });

  it('are marked unavailable, with the reason, when WhatsApp refuses for good or after its 7 days', async () => {
    const desk = await startDesk();
    desk.whatsapp.failNextDownloads(1, expired);
    await desk.whatsapp.lead('+573001230003').sendDocument('cedula.pdf');
    expect(await mediaOf(desk, '+573001230003')).toMatchObject({ unavailable: '131052: Media download error' });

    desk.whatsapp.failNextDownloads(100, transient);
    await desk.whatsapp.lead('+573001230004').sendImage();
    desk.clock.advance(7 * DAY_MS);
    await workOff(desk);
    expect(await mediaOf(desk, '+573001230004')).toMatchObject({ unavailable: '503: Service unavailable' });
    expect(await pending(desk)).toBe(0);
  });

  it('queued in the inbox by an earlier version are moved to the media queue and copied', async () => {
    const desk = await startDesk();
    await desk.whatsapp.lead('+573001230008').sendImage('la sala');
    const media = await mediaOf(desk, '+573001230008');
    const message = await desk.read(async (r) => {
      const conversation = await r.conversations.byIdentity(asId<LineId>('line-main'), {
        phone: phone('+573001230008'),
        userId: null,
      });
      return (await r.messages.byConversation(conversation?.id ?? asId('none')))[0];
    });
    // As the inbox held it before files had a queue of their own: the message not filed yet.
    const legacy = { ...(media ?? { kind: 'media', mediaKind: 'image', waMediaId: '', mimeType: '' }) };
    delete (legacy as { mediaId?: unknown }).mediaId;
    await desk.read(async (r) => {
      await r.messages.updateInboundContent(message?.id ?? asId('none'), legacy as InboundContent);
      await r.inbox.add(
        {
          kind: 'media',
          envelope: {
            messageId: message?.id ?? asId('none'),
            phoneNumberId: FAKE_PHONE_NUMBER_ID,
            waMediaId: legacy.waMediaId,
          },
        },
        desk.clock.now(),
      );
    });

    const processed = await copyFiles(desk);
    expect(processed.map((p) => p.outcome)).toEqual(['media_stored']);
    expect((await mediaOf(desk, '+573001230008'))?.mediaId).toEqual(expect.any(String));
    expect(await pending(desk)).toBe(0);
  });
});
