import type { MediaDownloadFailure } from '../../../application/ports/channel-media.ts';
import type { StoredMedia } from '../../../application/ports/media-store.ts';
import { err, ok, type Result } from '../../../domain/shared/result.ts';

const UNKNOWN: MediaDownloadFailure = { type: 'MediaDownloadFailed', retryable: false, code: '131052', title: 'Media download error: unknown media id' };

/** The files leads sent, as WhatsApp holds them until the business downloads them; downloads fail on cue. */
export class HeldMedia {
  readonly #files = new Map<string, StoredMedia>();
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

  /** The business downloads the file; scripted failures first. */
  download(waMediaId: string): Result<StoredMedia, MediaDownloadFailure> {
    const failure = this.#failNext.shift();
    if (failure !== undefined) return err(failure);
    const file = this.get(waMediaId);
    return file === null ? err(UNKNOWN) : ok(file);
  }

  failNextDownloads(count: number, failure: MediaDownloadFailure): void {
    this.#failNext.push(...Array.from({ length: count }, () => failure));
  }
}
