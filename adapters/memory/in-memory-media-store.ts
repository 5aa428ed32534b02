import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaStore, OwnedMedia } from '../../application/ports/media-store.ts';
import { asId, type MediaId } from '../../domain/shared/ids.ts';
import type { InMemoryStore } from './in-memory-store.ts';

export type InMemoryMediaStoreOptions = {
  /** Share the store's media map (so one store holds everything); a private map otherwise. */
  readonly store?: InMemoryStore;
  /** Where ids come from; `media_1`, `media_2`… otherwise. */
  readonly ids?: IdGenerator;
};

export class InMemoryMediaStore implements MediaStore {
  readonly #files: Map<MediaId, OwnedMedia>;
  readonly #ids: IdGenerator | null;
  #count = 0;

  constructor(options: InMemoryMediaStoreOptions = {}) {
    this.#files = options.store?.media ?? new Map();
    this.#ids = options.ids ?? null;
  }

  async put(media: OwnedMedia): Promise<MediaId> {
    const id = asId<MediaId>(this.#ids?.next('media') ?? `media_${++this.#count}`);
    this.#files.set(id, copyMedia(media));
    return id;
  }

  async get(id: MediaId): Promise<OwnedMedia | null> {
    const media = this.#files.get(id);
    return media === undefined ? null : copyMedia(media);
  }
}

/** The bytes are copied too: a caller reusing its buffer must not change a stored file. */
const copyMedia = (media: OwnedMedia): OwnedMedia => ({
  bytes: new Uint8Array(media.bytes),
  mimeType: media.mimeType,
  filename: media.filename,
  owner: media.owner,
});
