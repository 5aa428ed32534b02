import { describe, expect, it } from 'vitest';
import type { MediaDownloadFailure } from '../../application/ports/channel-media.ts';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { inboxHandlers, ProcessInbox } from '../../application/use-cases/process-inbox.ts';
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
/** Works the inbox off, then copies every due file one by one, as the media worker does: what each file became. */
const steps = async (desk: Desk) => {
  await desk.container.get(TOKENS.ProcessInbox).drain();
  const worker = desk.container.get(TOKENS.FetchInboundMedia);
  const done = [];
  for (let step = await worker.step(); step !== null; step = await worker.step()) done.push(step);
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

/** What the pipeline does when it is woken (or polled): inbox, outbox and files, until nothing is due. */
const workOff = (desk: Desk) => desk.idle();

/** Nothing left waiting: neither in the inbox nor among the files to copy. */
const pending = (desk: Desk) =>
  desk.read(async (r) => (await r.inbox.pendingCount()) + (await r.mediaFetches.pendingCount()));

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

  it('end as "unavailable: too large" once when over their kind\'s cap: downloaded once, never retried', async () => {
    const desk = await startDesk();
    const waMediaId = await receiveFile(desk, '+573001230005', {
      bytes: new Uint8Array(5 * MB + 1),
      mimeType: 'image/jpeg',
      mediaKind: 'image',
    });

    const processed = await steps(desk);
    expect(processed).toEqual([
      { messageId: expect.any(String), outcome: 'media_unavailable', errorCode: 'media_too_large' },
    ]);
    expect(await mediaOf(desk, '+573001230005')).toMatchObject({
      unavailable: 'media_too_large: File too large: over the 5 MB limit for an image',
    });
    expect((await mediaOf(desk, '+573001230005'))?.mediaId).toBeUndefined();

    desk.clock.advance(DAY_MS);
    expect((await steps(desk)).length).toBe(0);
    expect(desk.whatsapp.media.downloadsOf(waMediaId)).toBe(1);
    expect(await pending(desk)).toBe(0);
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

  it('are recorded "pending" with their message, and downloaded only after the inbox transaction commits', async () => {
    const desk = await startDesk();
    const waMediaId = await receiveFile(desk, '+573001230007', {
      bytes: new Uint8Array([1, 2, 3]),
      mimeType: 'image/jpeg',
      mediaKind: 'image',
    });
    let downloadsInTransaction = -1;
    const uow = desk.container.get(TOKENS.UnitOfWork);
    const watched = new ProcessInbox(
      {
        transaction: async (work) => {
          const result = await uow.transaction(work);
          downloadsInTransaction = Math.max(downloadsInTransaction, desk.whatsapp.media.downloadsOf(waMediaId));
          return result;
        },
        single: (work) => uow.single(work),
      },
      desk.clock,
      inboxHandlers(desk.container.get(TOKENS.QuoteUnitDeps)),
    );
    await watched.drain();

    expect(downloadsInTransaction).toBe(0);
    expect(await mediaOf(desk, '+573001230007')).toMatchObject({ mediaKind: 'image', waMediaId });
    expect((await mediaOf(desk, '+573001230007'))?.mediaId).toBeUndefined();
    expect(await desk.read((r) => r.mediaFetches.pendingCount())).toBe(1);

    expect((await steps(desk)).map((s) => s.outcome)).toEqual(['media_stored']);
    expect((await mediaOf(desk, '+573001230007'))?.mediaId).toEqual(expect.any(String));
    expect(desk.whatsapp.media.downloadsOf(waMediaId)).toBe(1);
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

    const processed = await steps(desk);
    expect(processed.map((p) => p.outcome)).toEqual(['media_stored']);
    expect((await mediaOf(desk, '+573001230008'))?.mediaId).toEqual(expect.any(String));
    expect(await pending(desk)).toBe(0);
  });

  it('are tried again later when storing them fails, and copied once storage is back', async () => {
    const desk = await startDesk();
    const store = desk.container.get(TOKENS.MediaStore);
    const putStream = store.putStream.bind(store);
    let down = true;
    store.putStream = async (media, body, maxBytes) => {
      if (down) throw Object.assign(new Error('connection refused to 10.0.0.5'), { code: '08006' });
      return putStream(media, body, maxBytes);
    };
    await receiveFile(desk, '+573001230009', { bytes: new Uint8Array([9]), mimeType: 'image/png', mediaKind: 'image' });

    expect(await steps(desk)).toEqual([
      { messageId: expect.any(String), outcome: 'failed', errorCode: 'sqlstate_08006' },
    ]);
    expect((await mediaOf(desk, '+573001230009'))?.mediaId).toBeUndefined();
    down = false;
    desk.clock.advance(MINUTE_MS);
    expect((await steps(desk)).map((s) => s.outcome)).toEqual(['media_stored']);
    expect((await mediaOf(desk, '+573001230009'))?.mediaId).toEqual(expect.any(String));
  });
});
