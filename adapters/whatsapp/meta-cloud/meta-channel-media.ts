import { z } from 'zod';
import type {
  ChannelMedia,
  InboundFile,
  MediaDownloadFailure,
  MediaSink,
} from '../../../application/ports/channel-media.ts';
import type { MediaDescription } from '../../../application/ports/media-store.ts';
import {
  checkInboundMedia,
  inboundMediaLimit,
  refusalReason,
  type InboundMediaRefusal,
} from '../../../domain/media/inbound-media-policy.ts';
import type { InboundMediaKind } from '../../../domain/messaging/message.ts';
import type { BusinessLine } from '../../../domain/organisation/organisation.ts';
import type { MediaId } from '../../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';
import type { GraphClient } from './graph-client.ts';
import { classifyTransportError, type GraphFailure } from './graph-errors.ts';
import { mayCarryToken } from './media-hosts.ts';

/** `file_size` is a number in Meta's answers; anything else is treated as not announced. */
const announcedSize = z
  .preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number().int().nonnegative())
  .optional()
  .catch(undefined);
const mediaInfo = z.object({ url: z.string().min(1), mime_type: z.string().min(1), file_size: announcedSize });
const SAFE_ID = /^[A-Za-z0-9_.:-]+$/;

export type MetaChannelMediaOptions = {
  /** Hosts the download URL may be on (`WHATSAPP_MEDIA_HOSTS`); the Graph host is always allowed. None by default. */
  readonly mediaHosts?: readonly string[];
  /** A cap below WhatsApp's own per kind (`WHATSAPP_MEDIA_MAX_BYTES`); `null` for WhatsApp's. */
  readonly maxBytes?: number | null;
};

type Failure = Omit<MediaDownloadFailure, 'type'>;
const failed = ({ retryable, code, title }: Failure | GraphFailure): MediaDownloadFailure => ({
  type: 'MediaDownloadFailed',
  retryable,
  code,
  title,
});
const final = (code: string, title: string) => err(failed({ retryable: false, code, title }));

const refused = (kind: InboundMediaKind, refusal: InboundMediaRefusal) => {
  const { code, title } = refusalReason(kind, refusal);
  return final(code, title);
};

/** The body as it comes; a transport failure is noted before it propagates, to tell it from the store's own. */
async function* watched(
  body: AsyncIterable<Uint8Array>,
  onFailure: (error: unknown) => void,
): AsyncGenerator<Uint8Array> {
  try {
    yield* body;
  } catch (error) {
    onFailure(error);
    throw error;
  }
}

/**
 * Files leads sent: `GET /{media-id}` gives a short-lived URL, the MIME type and the size, then `GET {url}`
 * with the same bearer token gives the bytes, streamed into the store. Before the token leaves: the type
 * must be one WhatsApp carries for the kind, the announced size within the cap, and the URL on an allowed
 * host. While streaming, the cap holds whatever the server announced. Redirects are never followed. An
 * unknown or expired id, a refused type or size are final; outages and timeouts may be retried (Meta keeps
 * inbound media 7 days). Meta's side: adapters/whatsapp/meta-cloud/README.md §F10, §F11.
 */
export class MetaChannelMedia implements ChannelMedia {
  readonly #client: GraphClient;
  readonly #hosts: readonly string[];
  readonly #maxBytes: number | null;

  constructor(client: GraphClient, options: MetaChannelMediaOptions = {}) {
    this.#client = client;
    this.#hosts = options.mediaHosts ?? [];
    this.#maxBytes = options.maxBytes ?? null;
  }

  async download(
    _line: BusinessLine,
    file: InboundFile,
    sink: MediaSink,
  ): Promise<Result<MediaId, MediaDownloadFailure>> {
    if (!SAFE_ID.test(file.waMediaId)) return final('invalid_media_id', 'Not a media id');
    const info = await this.#client.json({ method: 'GET', url: this.#client.url(file.waMediaId) });
    if (!info.ok) return err(failed(info.error));
    const parsed = mediaInfo.safeParse(info.value);
    if (!parsed.success)
      return err(failed({ retryable: true, code: 'unexpected_response', title: 'Media answer without a URL' }));
    const maxBytes = inboundMediaLimit(file.kind, this.#maxBytes);
    const checked = checkInboundMedia(file.kind, parsed.data.mime_type, parsed.data.file_size ?? null, maxBytes);
    if (!checked.ok) return refused(file.kind, checked.error);
    if (!mayCarryToken(parsed.data.url, this.#client.config.baseUrl, this.#hosts)) {
      return final(
        'untrusted_media_url',
        'Media URL is not on an allowed media host (WHATSAPP_MEDIA_HOSTS) nor the Graph host',
      );
    }
    return this.#fetch(parsed.data.url, { mimeType: checked.value, filename: null }, file.kind, maxBytes, sink);
  }

  async #fetch(
    url: string,
    description: MediaDescription,
    kind: InboundMediaKind,
    maxBytes: number,
    sink: MediaSink,
  ): Promise<Result<MediaId, MediaDownloadFailure>> {
    const answer = await this.#client.stream({ method: 'GET', url });
    if (!answer.ok) return err(failed(answer.error));
    const length = Number(answer.value.headers.get('content-length') ?? 0);
    if (length > maxBytes) {
      await answer.value.cancel();
      return refused(kind, { type: 'MediaTooLarge', size: length, maxBytes });
    }
    let broken: GraphFailure | null = null;
    try {
      const stored = await sink(
        description,
        watched(answer.value.body, (error) => (broken = classifyTransportError(error))),
        maxBytes,
      );
      return stored.ok ? ok(stored.value) : refused(kind, stored.error);
    } catch (error) {
      if (broken !== null) return err(failed(broken));
      throw error;
    }
  }
}
