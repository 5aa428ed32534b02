import { describe, expect, it } from 'vitest';
import type { MediaDownloadFailure } from '../../application/ports/channel-media.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { InboundContent } from '../../domain/messaging/message.ts';
import { asId, type LineId, type MediaId, type WaMessageId } from '../../domain/shared/ids.ts';
import { DAY_MS, MINUTE_MS } from '../../domain/shared/time.ts';
import { phone } from '../builders/phone.ts';
import { startDesk, type Desk } from '../support/desk-harness.ts';

const MB = 1024 * 1024;

/** A lead's file as WhatsApp holds it, stored in the inbox as a webhook would, not processed yet. */
const receiveFile = async (
  desk: Desk,
  from: string,
  file: { bytes: Uint8Array; mimeType: string; mediaKind: 'image' | 'document' },
) => {
  const waMediaId = desk.whatsapp.newMediaId();
  desk.whatsapp.media.hold(waMediaId, { bytes: file.bytes, mimeType: file.mimeType, filename: null });
  const content = { kind: 'media', mediaKind: file.mediaKind, waMediaId, mimeType: file.mimeType } as const;
  const envelope = {
    phoneNumberId: FAKE_PHONE_NUMBER_ID,
    waMessageId: asId<WaMessageId>(`wamid.${waMediaId}`),
    from: { phone: phone(from), userId: null },
    profileName: null,
    sentAt: desk.clock.now(),
    content,
  };
  await desk.container.get(TOKENS.ReceiveInbound).execute([{ kind: 'message', envelope }]);
  return waMediaId;
};
const steps = async (desk: Desk) => {
  const done = [];
  for (
    let step = await desk.container.get(TOKENS.ProcessInbox).step();
    step !== null;
    step = await desk.container.get(TOKENS.ProcessInbox).step()
  )
    done.push(step);
  return done;
};

const transient: MediaDownloadFailure = {
  type: 'MediaDownloadFailed',
  retryable: true,
  code: '503',
  title: 'Service unavailable',
};
const expired: MediaDownloadFailure = {
  type: 'MediaDownloadFailed',
  retryable: false,
  code: '131052',
  title: 'Media download error',
};

const mediaOf = async (desk: Desk, phone: string): Promise<Extract<InboundContent, { kind: 'media' }> | undefined> => {
  const conversation = await desk.read((r) =>
    r.conversations.byIdentity(asId<LineId>('line-main'), { phone: phone as never, userId: null }),
  );
  const messages = conversation === null ? [] : await desk.read((r) => r.messages.byConversation(conversation.id));
  const inbound = messages.flatMap((m) => (m.direction === 'inbound' && m.content.kind === 'media' ? [m.content] : []));
  return inbound[0];
};

const workOff = (desk: Desk) => desk.container.get(TOKENS.ProcessInbox).drain();

describe('files leads send', () => {
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
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
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
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
  });

  it('end as "unavailable: too large" once when over their kind\'s cap: downloaded once, never retried', async () => {
    const desk = await startDesk();
    const waMediaId = await receiveFile(desk, '+573001230005', {
      bytes: new Uint8Array(5 * MB + 1),
      mimeType: 'image/jpeg',
      mediaKind: 'image',
    });

    const processed = await steps(desk);
    expect(processed.filter((p) => p.outcome.startsWith('media'))).toEqual([
      {
        id: expect.any(Number),
        kind: 'media',
        outcome: 'media_unavailable',
        errorCode: 'media_too_large',
        error: 'media_too_large',
      },
    ]);
    expect(await mediaOf(desk, '+573001230005')).toMatchObject({
      unavailable: 'media_too_large: File too large: over the 5 MB limit for an image',
    });
    expect((await mediaOf(desk, '+573001230005'))?.mediaId).toBeUndefined();

    desk.clock.advance(DAY_MS);
    expect((await steps(desk)).length).toBe(0);
    expect(desk.whatsapp.media.downloadsOf(waMediaId)).toBe(1);
    expect(await desk.read((r) => r.inbox.pendingCount())).toBe(0);
  });

  it('are refused for good when of a type WhatsApp does not carry for their kind', async () => {
    const desk = await startDesk();
    await receiveFile(desk, '+573001230006', {
      bytes: new TextEncoder().encode('<script>alert(1)</script>'),
      mimeType: 'text/html',
      mediaKind: 'document',
    });
    await steps(desk);
    expect(await mediaOf(desk, '+573001230006')).toMatchObject({
      unavailable: 'unsupported_media_type: WhatsApp does not carry text/html as a document',
    });
  });
});
