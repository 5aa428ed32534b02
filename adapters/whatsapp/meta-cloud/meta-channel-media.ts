import { z } from 'zod';
import type { ChannelMedia, MediaDownloadFailure } from '../../../application/ports/channel-media.ts';
import type { StoredMedia } from '../../../application/ports/media-store.ts';
import type { BusinessLine } from '../../../domain/organisation/organisation.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import type { GraphClient } from './graph-client.ts';
import type { GraphFailure } from './graph-errors.ts';

const mediaInfo = z.object({ url: z.string().min(1), mime_type: z.string().min(1) });
const SAFE_ID = /^[A-Za-z0-9_.:-]+$/;

const failed = (failure: GraphFailure): MediaDownloadFailure => ({
  type: 'MediaDownloadFailed',
  retryable: failure.retryable,
  code: failure.code,
  title: failure.title,
});

/**
 * Files leads sent: `GET /{media-id}` gives a short-lived URL and the MIME type, then `GET {url}` with
 * the same bearer token gives the bytes (whatsapp-facts.md §2.4). An unknown or expired id is final;
 * outages and timeouts may be retried (Meta keeps inbound media 7 days).
 */
export class MetaChannelMedia implements ChannelMedia {
  readonly #client: GraphClient;

  constructor(client: GraphClient) {
    this.#client = client;
  }

  async download(_line: BusinessLine, waMediaId: string): Promise<Result<StoredMedia, MediaDownloadFailure>> {
    if (!SAFE_ID.test(waMediaId)) return err(failed({ retryable: false, code: 'invalid_media_id', title: 'Not a media id' }));
    const info = await this.#client.json({ method: 'GET', url: this.#client.url(waMediaId) });
    if (!info.ok) return err(failed(info.error));
    const parsed = mediaInfo.safeParse(info.value);
    if (!parsed.success) return err(failed({ retryable: true, code: 'unexpected_response', title: 'Media answer without a URL' }));
    if (!this.#mayCarryToken(parsed.data.url))
      return err(failed({ retryable: false, code: 'untrusted_media_url', title: 'Media URL is neither HTTPS nor on the Graph host' }));
    const file = await this.#client.call({ method: 'GET', url: parsed.data.url });
    if (!file.ok) return err(failed(file.error));
    return ok({ bytes: file.value.body, mimeType: parsed.data.mime_type, filename: null });
  }

  /** The download URL is on Meta's CDN, not the Graph host; our token goes only over HTTPS (or to the configured host). */
  #mayCarryToken(url: string): boolean {
    try {
      const target = new URL(url);
      return target.protocol === 'https:' || target.origin === new URL(this.#client.config.baseUrl).origin;
    } catch {
      return false;
    }
  }
}
