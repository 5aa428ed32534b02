import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaDescription, MediaReader, MediaStore, StoredMedia } from '../../application/ports/media-store.ts';
import type { MediaTooLarge } from '../../domain/media/upload-policy.ts';
import { asId, type MediaId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

type Meta = { readonly mimeType: string; readonly filename: string | null };

const SAFE_ID = /^[A-Za-z0-9_.-]+$/;
/** Read pieces; the port promises at most 1 MiB. */
const PIECE = 256 * 1024;

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';
const orNull = (error: unknown): null => {
  if (missing(error)) return null;
  throw error;
};

/**
 * Files on local disk, one `<id>` file and its `<id>.json` metadata, for the single-process embedded
 * setup (PGlite). Several instances need a store they share: PostgreSQL keeps files itself.
 * Metadata is written last: a file without it is invisible, so a crash mid-write never yields a half file.
 */
export class DiskMediaStore implements MediaStore {
  constructor(
    private readonly dir: string,
    private readonly ids: IdGenerator,
  ) {}

  async put(media: StoredMedia): Promise<MediaId> {
    const id = asId<MediaId>(this.ids.next('media'));
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, id), media.bytes);
    await this.#describe(id, media);
    return id;
  }

  async get(id: MediaId): Promise<StoredMedia | null> {
    const meta = await this.#meta(id);
    const bytes = meta === null ? null : await readFile(join(this.dir, id)).catch(orNull);
    return meta === null || bytes === null ? null : { bytes: new Uint8Array(bytes), mimeType: meta.mimeType, filename: meta.filename };
  }

  /** Written to `<id>.part` as it comes, then renamed: the file appears whole or not at all. */
  async putStream(media: MediaDescription, body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Result<MediaId, MediaTooLarge>> {
    const id = asId<MediaId>(this.ids.next('media'));
    await mkdir(this.dir, { recursive: true });
    const part = join(this.dir, `${id}.part`);
    const file = await open(part, 'wx');
    let size = 0;
    try {
      for await (const piece of body) {
        size += piece.length;
        if (size > maxBytes) {
          await file.close();
          await rm(part, { force: true });
          return err({ type: 'MediaTooLarge', size, maxBytes });
        }
        await file.write(piece);
      }
      await file.sync();
      await file.close();
    } catch (error) {
      await file.close().catch(() => {});
      await rm(part, { force: true });
      throw error;
    }
    await rename(part, join(this.dir, id));
    await this.#describe(id, media);
    return ok(id);
  }

  async getStream(id: MediaId): Promise<MediaReader | null> {
    const meta = await this.#meta(id);
    const path = join(this.dir, id);
    const found = meta === null ? null : await stat(path).catch(orNull);
    if (meta === null || found === null) return null;
    // Opened on first read: a reader dropped unread leaves no open file behind.
    async function* body(): AsyncGenerator<Uint8Array> {
      yield* createReadStream(path, { highWaterMark: PIECE });
    }
    return { mimeType: meta.mimeType, filename: meta.filename, size: found.size, body: body() };
  }

  async #describe(id: MediaId, media: MediaDescription): Promise<void> {
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify({ mimeType: media.mimeType, filename: media.filename } satisfies Meta));
  }

  async #meta(id: MediaId): Promise<Meta | null> {
    if (!SAFE_ID.test(id) || id.endsWith('.part')) return null;
    const text = await readFile(join(this.dir, `${id}.json`), 'utf8').catch(orNull);
    return text === null ? null : (JSON.parse(text) as Meta);
  }
}
