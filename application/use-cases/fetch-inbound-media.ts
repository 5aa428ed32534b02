import { DAY_MS, type Instant } from '../../domain/shared/time.ts';
import type { ChannelMedia, MediaSink } from '../ports/channel-media.ts';
import type { MediaFetch } from '../ports/inbox-repository.ts';
import type { MediaStore } from '../ports/media-store.ts';
import type { Repositories } from '../ports/unit-of-work.ts';
import { leadOwner } from './media-access.ts';

/** Meta keeps a lead's file this long; after that, trying again cannot help. */
const MEDIA_LIFETIME_MS = 7 * DAY_MS;

/** `code` says why a file is not stored (yet): WhatsApp's or ours (`media_too_large`), never the file's content. */
export type FetchOutcome =
  | { readonly kind: 'stored' }
  | { readonly kind: 'retry' | 'unavailable'; readonly code: string };

const STORED: FetchOutcome = { kind: 'stored' };

/**
 * Copies a file a lead sent (photo, document, voice note) from WhatsApp into our store so the CRM can
 * show it, and files it on the message; the copy belongs to the lead (`leadOwner`). The bytes stream from
 * WhatsApp into the store, never held whole. A passing failure is retried (the inbox backs off); a final one (too
 * large, a refused type, an expired id), or an id older than Meta keeps files, is recorded on the message instead
 * of being lost silently.
 */
export class FetchInboundMedia {
  constructor(
    private readonly channel: ChannelMedia,
    private readonly media: MediaStore,
  ) {}

  async within(repos: Repositories, fetch: MediaFetch, receivedAt: Instant, now: Instant): Promise<FetchOutcome> {
    const message = await repos.messages.byId(fetch.messageId);
    const line = await repos.lines.byPhoneNumberId(fetch.phoneNumberId);
    if (message?.direction !== 'inbound' || message.content.kind !== 'media' || line === null)
      return { kind: 'unavailable', code: 'no_media_message' };
    const content = message.content;
    if (content.mediaId !== undefined) return STORED;
    const leadId = message.leadId ?? (await repos.conversations.byId(message.conversationId))?.leadId ?? null;
    const owner = leadOwner(leadId, message.conversationId);
    const sink: MediaSink = (description, body, maxBytes) =>
      this.media.putStream({ ...description, owner }, body, maxBytes);
    const downloaded = await this.channel.download(line, { waMediaId: fetch.waMediaId, kind: content.mediaKind }, sink);
    if (downloaded.ok) {
      await repos.messages.updateInboundContent(message.id, { ...content, mediaId: downloaded.value });
      return STORED;
    }
    const { retryable, code, title } = downloaded.error;
    if (retryable && now - receivedAt < MEDIA_LIFETIME_MS) return { kind: 'retry', code };
    await repos.messages.updateInboundContent(message.id, { ...content, unavailable: `${code}: ${title}` });
    return { kind: 'unavailable', code };
  }
}
