import type { MediaDownloadFailure } from '../../application/ports/channel-media.ts';
import type { Repositories } from '../../application/ports/unit-of-work.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import type { InboundContent } from '../../domain/messaging/message.ts';
import { asId, type LineId } from '../../domain/shared/ids.ts';

/** Anything that reads the stored state: the seeded desk or a use-case test's world. */
type Reads = { readonly read: <T>(f: (repos: Repositories) => Promise<T>) => Promise<T> };

export const transient: MediaDownloadFailure = {
  type: 'MediaDownloadFailed',
  retryable: true,
  code: '503',
  title: 'Service unavailable',
};

export const expired: MediaDownloadFailure = {
  type: 'MediaDownloadFailed',
  retryable: false,
  code: '131052',
  title: 'Media download error',
};

/** The first file `phone` sent on line-main, as filed on its message. */
export const mediaOf = async (
  desk: Reads,
  phone: string,
): Promise<Extract<InboundContent, { kind: 'media' }> | undefined> => {
  const conversation = await desk.read((r) =>
    r.conversations.byIdentity(asId<LineId>('line-main'), { phone: phone as PhoneE164, userId: null }),
  );
  const messages = conversation === null ? [] : await desk.read((r) => r.messages.byConversation(conversation.id));
  const inbound = messages.flatMap((m) => (m.direction === 'inbound' && m.content.kind === 'media' ? [m.content] : []));
  return inbound[0];
};

/** What is left waiting, in the inbox and among the files to copy. */
export const pending = (desk: Reads) =>
  desk.read(async (r) => (await r.inbox.pendingCount()) + (await r.mediaFetches.pendingCount()));
