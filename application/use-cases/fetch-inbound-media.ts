import { DAY_MS, type Instant } from '../../domain/shared/time.ts';
import type { ChannelMedia } from '../ports/channel-media.ts';
import type { MediaFetch } from '../ports/inbox-repository.ts';
import type { MediaStore } from '../ports/media-store.ts';
import type { Repositories } from '../ports/unit-of-work.ts';
import { leadOwner } from './media-access.ts';

/** Meta keeps a lead's file this long; after that, trying again cannot help. */
const MEDIA_LIFETIME_MS = 7 * DAY_MS;

export type FetchOutcome = 'stored' | 'unavailable' | 'retry';

/**
 * Copies a file a lead sent (photo, document, voice note) from WhatsApp into our store so the CRM can
 * show it, and files it on the message; the copy belongs to the lead (`leadOwner`). A passing failure is retried (the inbox backs off); a final
 * one, or an id older than Meta keeps files, is recorded on the message instead of being lost silently.
 */
export class FetchInboundMedia {
  constructor(
    private readonly channel: ChannelMedia,
    private readonly media: MediaStore,
  ) {}

  async within(repos: Repositories, fetch: MediaFetch, receivedAt: Instant, now: Instant): Promise<FetchOutcome> {
    const message = await repos.messages.byId(fetch.messageId);
    const line = await repos.lines.byPhoneNumberId(fetch.phoneNumberId);
    if (message?.direction !== 'inbound' || message.content.kind !== 'media' || line === null) return 'unavailable';
    const content = message.content;
    if (content.mediaId !== undefined) return 'stored';
    const downloaded = await this.channel.download(line, fetch.waMediaId);
    if (downloaded.ok) {
      const leadId = message.leadId ?? (await repos.conversations.byId(message.conversationId))?.leadId ?? null;
      const mediaId = await this.media.put({ ...downloaded.value, owner: leadOwner(leadId, message.conversationId) });
      await repos.messages.updateInboundContent(message.id, { ...content, mediaId });
      return 'stored';
    }
    if (downloaded.error.retryable && now - receivedAt < MEDIA_LIFETIME_MS) return 'retry';
    await repos.messages.updateInboundContent(message.id, { ...content, unavailable: `${downloaded.error.code}: ${downloaded.error.title}` });
    return 'unavailable';
  }
}
