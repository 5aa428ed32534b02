import { retryDelay, type RetryPolicy } from '../../domain/messaging/retry.ts';
import type { MessageId } from '../../domain/shared/ids.ts';
import { DAY_MS, MINUTE_MS } from '../../domain/shared/time.ts';
import type { ChannelMedia, MediaSink } from '../ports/channel-media.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { ClaimedMediaFetch } from '../ports/media-fetch-queue.ts';
import type { MediaStore } from '../ports/media-store.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { DrainGuard } from './drain-guard.ts';
import { inboxFailureOf } from './inbox-failure.ts';
import { leadOwner } from './media-access.ts';

/** Meta keeps a lead's file this long; after that, trying again cannot help. */
const MEDIA_LIFETIME_MS = 7 * DAY_MS;
/**
 * How long a worker holds a file while it downloads: far longer than a 100 MB download takes, short enough
 * that a file whose worker died is taken up again within minutes.
 */
export const MEDIA_LEASE_MS = 10 * MINUTE_MS;
/** Waiting for a file WhatsApp will not hand over yet: not a failure, no bound but Meta's 7 days. */
const WAIT_POLICY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * MINUTE_MS,
};

/**
 * What became of one queued file. `code` says why a file is not stored (yet): WhatsApp's, ours
 * (`media_too_large`), or with `failed` the failure's code (storage down); never the file's content.
 */
export type MediaFetched = {
  readonly messageId: MessageId;
  readonly outcome: 'media_stored' | 'media_retry' | 'media_unavailable' | 'failed';
  readonly errorCode?: string;
};

export type FetchInboundMediaOptions = {
  /** Told about every file taken, after its outcome is stored (e.g. to log what is unavailable). */
  readonly report?: (fetched: MediaFetched) => void;
};

/**
 * The media worker: copies the files leads sent (photo, document, voice note) from WhatsApp into our store so
 * the CRM can show them, and files each on its message; the copy belongs to the lead (`leadOwner`). The inbox
 * only queues the file ("media pending", with the message); here the file is leased in one short step, streamed
 * from WhatsApp into the store outside any transaction (never held whole), and filed in a second short
 * transaction. A passing failure is retried with back-off; a final one (too large, a refused type, an expired id),
 * or an id older than Meta keeps files, is recorded on the message instead of being lost silently.
 */
export class FetchInboundMedia {
  private readonly guard = new DrainGuard<number>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly channel: ChannelMedia,
    private readonly media: MediaStore,
    private readonly options: FetchInboundMediaOptions = {},
  ) {}

  /** Copies one due file; `null` when none is due (or every due one is leased elsewhere). */
  async step(): Promise<MediaFetched | null> {
    const now = this.clock.now();
    const lease = this.ids.next('lease');
    const claimed = await this.uow.single((repos) => repos.mediaFetches.claimNext(now, lease, now + MEDIA_LEASE_MS));
    if (claimed === null) return null;
    const fetched = await this.fetch(claimed).catch((error: unknown) => this.failed(claimed, error));
    this.options.report?.(fetched);
    return fetched;
  }

  /** Copies files until none is due; a call during a drain makes it look again before it ends. */
  drain(): Promise<number> {
    return this.guard.run(async (poked) => {
      let fetched = 0;
      do {
        while ((await this.step()) !== null) fetched += 1;
      } while (poked());
      return fetched;
    });
  }

  private async fetch(claimed: ClaimedMediaFetch): Promise<MediaFetched> {
    const { fetch, lease } = claimed;
    const target = await this.uow.transaction(async (repos) => {
      const message = await repos.messages.byId(fetch.messageId);
      const line = await repos.lines.byPhoneNumberId(fetch.phoneNumberId);
      if (message?.direction !== 'inbound' || message.content.kind !== 'media' || line === null) return null;
      const leadId = message.leadId ?? (await repos.conversations.byId(message.conversationId))?.leadId ?? null;
      return { line, content: message.content, owner: leadOwner(leadId, message.conversationId) };
    });
    if (target === null) return this.unavailable(claimed, 'no_media_message', null);
    if (target.content.mediaId !== undefined) return this.filed(claimed, () => Promise.resolve());
    const { owner } = target;
    const sink: MediaSink = (description, body, maxBytes) =>
      this.media.putStream({ ...description, owner }, body, maxBytes);
    const downloaded = await this.channel.download(
      target.line,
      { waMediaId: fetch.waMediaId, kind: target.content.mediaKind },
      sink,
    );
    if (downloaded.ok) {
      const mediaId = downloaded.value;
      return this.filed(claimed, async (repos) => {
        const message = await repos.messages.byId(fetch.messageId);
        if (message?.direction === 'inbound' && message.content.kind === 'media')
          await repos.messages.updateInboundContent(message.id, { ...message.content, mediaId });
      });
    }
    const { retryable, code, title } = downloaded.error;
    const now = this.clock.now();
    if (retryable && now - claimed.receivedAt < MEDIA_LIFETIME_MS) {
      const retryAt = now + retryDelay(WAIT_POLICY, claimed.attempts + 1, 0.5);
      await this.uow.single((repos) =>
        repos.mediaFetches.retryLater(fetch.messageId, lease, `media download failed: ${code}`, retryAt),
      );
      return { messageId: fetch.messageId, outcome: 'media_retry', errorCode: code };
    }
    return this.unavailable(claimed, code, `${code}: ${title}`);
  }

  /** Files what `file` writes and takes the file off the queue, together; nothing when the lease was lost meanwhile. */
  private async filed(
    claimed: ClaimedMediaFetch,
    file: Parameters<UnitOfWork['transaction']>[0],
  ): Promise<MediaFetched> {
    await this.uow.transaction(async (repos) => {
      if (await repos.mediaFetches.complete(claimed.fetch.messageId, claimed.lease)) await file(repos);
    });
    return { messageId: claimed.fetch.messageId, outcome: 'media_stored' };
  }

  private async unavailable(claimed: ClaimedMediaFetch, code: string, reason: string | null): Promise<MediaFetched> {
    const { messageId } = claimed.fetch;
    await this.uow.transaction(async (repos) => {
      if (!(await repos.mediaFetches.complete(messageId, claimed.lease)) || reason === null) return;
      const message = await repos.messages.byId(messageId);
      if (message?.direction === 'inbound' && message.content.kind === 'media')
        await repos.messages.updateInboundContent(messageId, { ...message.content, unavailable: reason });
    });
    return { messageId, outcome: 'media_unavailable', errorCode: code };
  }

  /**
   * A try that threw (storage down, a bug): the lease is given back and the file tried again after a pause,
   * until Meta's 7 days are over. Only the failure's code is kept, never its message (it may name values).
   */
  private async failed(claimed: ClaimedMediaFetch, error: unknown): Promise<MediaFetched> {
    const failure = inboxFailureOf(error);
    const now = this.clock.now();
    const retryAt = now + retryDelay(WAIT_POLICY, claimed.attempts + 1, 0.5);
    await this.uow
      .single((repos) => repos.mediaFetches.retryLater(claimed.fetch.messageId, claimed.lease, failure.reason, retryAt))
      .catch(() => false);
    return { messageId: claimed.fetch.messageId, outcome: 'failed', errorCode: failure.code };
  }
}
