import { describe, expect, it } from 'vitest';
import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import { FetchInboundMedia } from '../../application/use-cases/fetch-inbound-media.ts';
import { inboxHandlers, ProcessInbox } from '../../application/use-cases/process-inbox.ts';
import { ReceiveInbound } from '../../application/use-cases/receive-inbound.ts';
import { asId, type WaMessageId } from '../../domain/shared/ids.ts';
import { DAY_MS, MINUTE_MS } from '../../domain/shared/time.ts';
import { theFakeWhatsAppLine } from '../builders/line-builder.ts';
import { phone } from '../builders/phone.ts';
import { T0 } from '../support/t0.ts';
import { mediaOf, pending } from '../support/inbound-files.ts';
import { aWorld, outboxOf, quoteDepsOf } from '../support/world.ts';

const MB = 1024 * 1024;

/**
 * The line the fake WhatsApp's leads write to, and the use cases a file goes through: stored into the inbox as a
 * webhook would, the message taken (file queued, "media pending"), then copied by the media worker.
 */
const deskWithLine = async () => {
  const world = aWorld(T0);
  await world.given({ lines: [theFakeWhatsAppLine().build()] });
  const { whatsapp } = outboxOf(world);
  const deps = quoteDepsOf(world);
  const inbox = new ProcessInbox(world.uow, world.clock, inboxHandlers(deps));
  const media = new FetchInboundMedia(world.uow, world.clock, world.ids, whatsapp, world.media);
  return { ...world, whatsapp, deps, inbox, receive: new ReceiveInbound(world.uow, world.clock), mediaWorker: media };
};

type Desk = Awaited<ReturnType<typeof deskWithLine>>;

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
  await desk.receive.execute([{ kind: 'message', envelope }]);
  return waMediaId;
};

/** Works the inbox off, then copies every due file one by one, as the media worker does: what each file became. */
const steps = async (desk: Desk) => {
  await desk.inbox.drain();
  const done = [];
  for (let step = await desk.mediaWorker.step(); step !== null; step = await desk.mediaWorker.step()) done.push(step);
  return done;
};

describe('the files leads send (the inbox step and the media worker)', () => {
  it('end as "unavailable: too large" once when over their kind\'s cap: downloaded once, never retried', async () => {
    const desk = await deskWithLine();
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
    const desk = await deskWithLine();
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
    const desk = await deskWithLine();
    const waMediaId = await receiveFile(desk, '+573001230007', {
      bytes: new Uint8Array([1, 2, 3]),
      mimeType: 'image/jpeg',
      mediaKind: 'image',
    });
    let downloadsInTransaction = -1;
    const uow = desk.uow;
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
      inboxHandlers(desk.deps),
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

  it('are tried again later when storing them fails, and copied once storage is back', async () => {
    const desk = await deskWithLine();
    const store = desk.media;
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
