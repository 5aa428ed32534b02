import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type {
  MediaStore,
  OwnedDescription,
  OwnedMedia,
  OwnedReader,
  RollbackHooks,
} from '../../application/ports/media-store.ts';
import type { MediaTooLarge } from '../../domain/media/upload-policy.ts';
import { asId, type MediaId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { InMemoryStore } from './in-memory-store.ts';

export type InMemoryMediaStoreOptions = {
  /** Share the store's media map (so one store holds everything); a private map otherwise. */
  readonly store?: InMemoryStore;
  /** Where ids come from; `media_1`, `media_2`… otherwise. */
  readonly ids?: IdGenerator;
  /** The unit of work whose transactions a file stored inside one belongs to (removed if it rolls back); none otherwise. */
  readonly transactions?: RollbackHooks;
};

const PIECE = 1024 * 1024;

export class InMemoryMediaStore implements MediaStore {
  readonly #files: Map<MediaId, OwnedMedia>;
  readonly #ids: IdGenerator | null;
  readonly #transactions: RollbackHooks | null;
  #count = 0;

  constructor(options: InMemoryMediaStoreOptions = {}) {
    this.#files = options.store?.media ?? new Map();
    this.#ids = options.ids ?? null;
    this.#transactions = options.transactions ?? null;
  }

  async put(media: OwnedMedia): Promise<MediaId> {
    const id = this.#nextId();
    this.#keep(id, copyMedia(media));
    return id;
  }

  async get(id: MediaId): Promise<OwnedMedia | null> {
    const media = this.#files.get(id);
    return media === undefined ? null : copyMedia(media);
  }

  async putStream(
    media: OwnedDescription,
    body: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<Result<MediaId, MediaTooLarge>> {
    const pieces: Uint8Array[] = [];
    let size = 0;
    for await (const piece of body) {
      size += piece.length;
      if (size > maxBytes) return err({ type: 'MediaTooLarge', size, maxBytes });
      pieces.push(new Uint8Array(piece));
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const piece of pieces) {
      bytes.set(piece, at);
      at += piece.length;
    }
    const id = this.#nextId();
    this.#keep(id, { bytes, mimeType: media.mimeType, filename: media.filename, owner: media.owner });
    return ok(id);
  }

  async delete(id: MediaId): Promise<void> {
    this.#files.delete(id);
  }

  async getStream(id: MediaId): Promise<OwnedReader | null> {
    const media = await this.get(id);
    if (media === null) return null;
    const { bytes, mimeType, filename, owner } = media;
    async function* pieces(): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < bytes.length; at += PIECE) yield bytes.subarray(at, at + PIECE);
    }
    return { mimeType, filename, owner, size: bytes.length, body: pieces() };
  }

  /** Kept now; inside a transaction, removed again if it rolls back. */
  #keep(id: MediaId, media: OwnedMedia): void {
    this.#files.set(id, media);
    this.#transactions?.onRollback(async () => {
      this.#files.delete(id);
    });
  }

  #nextId(): MediaId {
    return this.#ids?.next('media') ?? asId<MediaId>(`media_${++this.#count}`);
  }
}

/** The bytes are copied too: a caller reusing its buffer must not change a stored file. */
const copyMedia = (media: OwnedMedia): OwnedMedia => ({
  bytes: new Uint8Array(media.bytes),
  mimeType: media.mimeType,
  filename: media.filename,
  owner: media.owner,
});
