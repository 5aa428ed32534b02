import { eq } from 'drizzle-orm';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaStore, StoredMedia } from '../../application/ports/media-store.ts';
import { asId, type MediaId } from '../../domain/shared/ids.ts';
import { currentHandle } from './ambient-transaction.ts';
import type { Db } from './drizzle-db.ts';
import { first } from './rows.ts';
import { media } from './schema.ts';

/**
 * Files in the database (bytea), so every instance serves them. Called inside a unit of work's
 * transaction (a quote's PDF), it joins that transaction: the file is stored with the quote, or not at all.
 */
export class DrizzleMediaStore implements MediaStore {
  constructor(
    private readonly db: Db,
    private readonly ids: IdGenerator,
  ) {}

  async put(file: StoredMedia): Promise<MediaId> {
    const id = asId<MediaId>(this.ids.next('media'));
    await currentHandle(this.db).insert(media).values({ id, mimeType: file.mimeType, filename: file.filename, bytes: file.bytes });
    return id;
  }

  async get(id: MediaId): Promise<StoredMedia | null> {
    const row = first(await currentHandle(this.db).select().from(media).where(eq(media.id, id)));
    return row === null ? null : { bytes: row.bytes, mimeType: row.mimeType, filename: row.filename };
  }
}
