import { eq } from 'drizzle-orm';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaOwner, MediaStore, OwnedMedia } from '../../application/ports/media-store.ts';
import { asId, type ConversationId, type LeadId, type MediaId, type UserId } from '../../domain/shared/ids.ts';
import { currentHandle } from './ambient-transaction.ts';
import type { Db } from './drizzle-db.ts';
import { first } from './rows.ts';
import { media } from './schema.ts';

const ownerColumns = (owner: MediaOwner | null): { ownerKind: string | null; ownerId: string | null } => {
  if (owner === null) return { ownerKind: null, ownerId: null };
  const id = owner.kind === 'user' ? owner.userId : owner.kind === 'lead' ? owner.leadId : owner.conversationId;
  return { ownerKind: owner.kind, ownerId: id };
};

/** The owner a row records; rows from before owners were recorded have none (and fail closed). */
const toOwner = (kind: string | null, id: string | null): MediaOwner | null => {
  if (id === null) return null;
  switch (kind) {
    case 'user':
      return { kind, userId: asId<UserId>(id) };
    case 'lead':
      return { kind, leadId: asId<LeadId>(id) };
    case 'conversation':
      return { kind, conversationId: asId<ConversationId>(id) };
    default:
      return null;
  }
};

/**
 * Files in the database (bytea), so every instance serves them. Called inside a unit of work's
 * transaction (a quote's PDF), it joins that transaction: the file is stored with the quote, or not at all.
 */
export class DrizzleMediaStore implements MediaStore {
  constructor(
    private readonly db: Db,
    private readonly ids: IdGenerator,
  ) {}

  async put(file: OwnedMedia): Promise<MediaId> {
    const id = asId<MediaId>(this.ids.next('media'));
    await currentHandle(this.db)
      .insert(media)
      .values({ id, mimeType: file.mimeType, filename: file.filename, bytes: file.bytes, ...ownerColumns(file.owner) });
    return id;
  }

  async get(id: MediaId): Promise<OwnedMedia | null> {
    const row = first(await currentHandle(this.db).select().from(media).where(eq(media.id, id)));
    return row === null ? null : { bytes: row.bytes, mimeType: row.mimeType, filename: row.filename, owner: toOwner(row.ownerKind, row.ownerId) };
  }
}
