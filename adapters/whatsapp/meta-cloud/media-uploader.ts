import { z } from 'zod';
import type { Clock } from '../../../application/ports/clock.ts';
import type { MediaStore } from '../../../application/ports/media-store.ts';
import type { OutboundContent } from '../../../domain/messaging/outbound.ts';
import type { BusinessLine } from '../../../domain/organisation/organisation.ts';
import { DAY_MS } from '../../../domain/shared/time.ts';
import { err, ok } from '../../../domain/shared/result.ts';
import type { GraphClient, GraphResult } from './graph-client.ts';

type MediaContent = Extract<OutboundContent, { kind: 'media' }>;

/**
 * Meta keeps uploads 30 days (adapters/whatsapp/meta-cloud/README.md §F10); we reuse an id for a day less,
 * so it never expires under us.
 */
const REUSE_MS = 29 * DAY_MS;
const uploaded = z.object({ id: z.string().min(1) });

/**
 * The MIME type Meta is told. Voice notes go as `audio/ogg` (OGG/Opus): `audio/opus` is refused
 * with 131053. Parameters such as `; codecs=opus` are dropped from the multipart `type` field.
 * See adapters/whatsapp/meta-cloud/README.md §F16.
 */
export const wireMimeType = (content: MediaContent): string => {
  const bare = (content.mimeType.split(';')[0] ?? '').trim().toLowerCase();
  return content.voice === true || bare === 'audio/opus' ? 'audio/ogg' : bare;
};

const missing = { retryable: false, code: 'media_missing', title: 'The file to send is no longer stored' };

/** Uploads our files to a line (`POST /{phone-number-id}/media`, multipart) and remembers Meta's ids. */
export class MediaUploader {
  readonly #client: GraphClient;
  readonly #store: MediaStore;
  readonly #clock: Clock;
  readonly #ids = new Map<string, { readonly waMediaId: string; readonly at: number }>();

  constructor(client: GraphClient, store: MediaStore, clock: Clock) {
    this.#client = client;
    this.#store = store;
    this.#clock = clock;
  }

  /** Meta's media id for the file, uploading it unless this line got it recently. */
  async upload(line: BusinessLine, content: MediaContent): Promise<GraphResult<string>> {
    const key = `${line.phoneNumberId}\u0000${content.mediaId}`;
    const known = this.#ids.get(key);
    if (known !== undefined && this.#clock.now() - known.at < REUSE_MS) return ok(known.waMediaId);
    const file = await this.#store.get(content.mediaId);
    if (file === null) return err(missing);
    const mimeType = wireMimeType(content);
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', mimeType);
    form.set(
      'file',
      new Blob([new Uint8Array(file.bytes)], { type: mimeType }),
      file.filename ?? content.filename ?? 'file',
    );
    const answer = await this.#client.json({
      method: 'POST',
      url: this.#client.url(`${line.phoneNumberId}/media`),
      form,
    });
    if (!answer.ok) return answer;
    const parsed = uploaded.safeParse(answer.value);
    if (!parsed.success)
      return err({ retryable: true, code: 'unexpected_response', title: 'Media upload answer without an id' });
    this.#ids.set(key, { waMediaId: parsed.data.id, at: this.#clock.now() });
    return ok(parsed.data.id);
  }
}
