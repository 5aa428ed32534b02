import { describe, expect, it } from 'vitest';
import type { MediaDownloadFailure } from '../../application/ports/channel-media.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { InboundContent } from '../../domain/messaging/message.ts';
import { asId, type LineId, type MediaId } from '../../domain/shared/ids.ts';
import { DAY_MS, MINUTE_MS } from '../../domain/shared/time.ts';
import { startDesk, type Desk } from '../support/desk-harness.ts';

const transient: MediaDownloadFailure = { type: 'MediaDownloadFailed', retryable: true, code: '503', title: 'Service unavailable' };
const expired: MediaDownloadFailure = { type: 'MediaDownloadFailed', retryable: false, code: '131052', title: 'Media download error' };

const mediaOf = async (desk: Desk, phone: string): Promise<Extract<InboundContent, { kind: 'media' }> | undefined> => {
  const conversation = await desk.read((r) => r.conversations.byIdentity(asId<LineId>('line-main'), { phone: phone as never, userId: null }));
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
});
