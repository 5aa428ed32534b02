import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaStore, StoredMedia } from '../../application/ports/media-store.ts';
import { asId, type MediaId } from '../../domain/shared/ids.ts';

type Meta = { readonly mimeType: string; readonly filename: string | null };

const SAFE_ID = /^[A-Za-z0-9_.-]+$/;

/**
 * Files on local disk, one `<id>` file and its `<id>.json` metadata, for the single-process embedded
 * setup (PGlite). Several instances need a store they share: PostgreSQL keeps files itself.
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
    // Metadata last: a file without it is invisible, so a crash mid-write never yields a half file.
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify({ mimeType: media.mimeType, filename: media.filename } satisfies Meta));
    return id;
  }

  async get(id: MediaId): Promise<StoredMedia | null> {
    if (!SAFE_ID.test(id)) return null;
    try {
      const meta = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as Meta;
      return { bytes: new Uint8Array(await readFile(join(this.dir, id))), mimeType: meta.mimeType, filename: meta.filename };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
