import type { InboundFile, MediaDownloadFailure, MediaSink } from '../../../application/ports/channel-media.ts';
import type { StoredMedia } from '../../../application/ports/media-store.ts';
import {
  checkInboundMedia,
  inboundMediaLimit,
  refusalReason,
  type InboundMediaRefusal,
} from '../../../domain/media/inbound-media-policy.ts';
import type { MediaId } from '../../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';

const UNKNOWN: MediaDownloadFailure = {
  type: 'MediaDownloadFailed',
  retryable: false,
  code: '131052',
  title: 'Media download error: unknown media id',
};

const refused = (file: InboundFile, refusal: InboundMediaRefusal): MediaDownloadFailure => ({
  type: 'MediaDownloadFailed',
  retryable: false,
  ...refusalReason(file.kind, refusal),
});

async function* whole(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * The files leads sent, as WhatsApp holds them until the business downloads them; downloads fail on cue.
 * A download is held to the same rules as from Meta (WhatsApp's types and caps per kind), so fake mode
 * shows what Meta mode would.
 */
export class HeldMedia {
  readonly #files = new Map<string, StoredMedia>();
  readonly #downloads = new Map<string, number>();
  #failNext: MediaDownloadFailure[] = [];
  #count = 0;

  /** A media id never handed out before, as Meta gives for each upload. */
  newId(): string {
    return `media.fake.${++this.#count}`;
  }

  /** Holds the bytes under `waMediaId` unless something is already held there. */
  hold(waMediaId: string, file: StoredMedia): void {
    if (!this.#files.has(waMediaId)) this.#files.set(waMediaId, { ...file, bytes: file.bytes.slice() });
  }

  /** The file as the lead's own phone keeps it; `null` for an unknown id. */
  get(waMediaId: string): StoredMedia | null {
    const file = this.#files.get(waMediaId);
    return file === undefined ? null : { ...file, bytes: file.bytes.slice() };
  }

  /** The business downloads the file into `sink`; scripted failures first. */
  async download(file: InboundFile, sink: MediaSink): Promise<Result<MediaId, MediaDownloadFailure>> {
    this.#downloads.set(file.waMediaId, this.downloadsOf(file.waMediaId) + 1);
    const failure = this.#failNext.shift();
    if (failure !== undefined) return err(failure);
    const held = this.get(file.waMediaId);
    if (held === null) return err(UNKNOWN);
    const maxBytes = inboundMediaLimit(file.kind, null);
    const checked = checkInboundMedia(file.kind, held.mimeType, held.bytes.length, maxBytes);
    if (!checked.ok) return err(refused(file, checked.error));
    const stored = await sink({ mimeType: checked.value, filename: held.filename }, whole(held.bytes), maxBytes);
    return stored.ok ? ok(stored.value) : err(refused(file, stored.error));
  }

  /** How many times the business asked for this file, failed attempts included. */
  downloadsOf(waMediaId: string): number {
    return this.#downloads.get(waMediaId) ?? 0;
  }

  failNextDownloads(count: number, failure: MediaDownloadFailure): void {
    this.#failNext.push(...Array.from({ length: count }, () => failure));
  }
}
