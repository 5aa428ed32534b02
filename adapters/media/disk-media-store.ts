import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaOwner, MediaStore, OwnedMedia } from '../../application/ports/media-store.ts';
import { asId, type ConversationId, type LeadId, type MediaId, type UserId } from '../../domain/shared/ids.ts';

type Meta = { readonly mimeType: string; readonly filename: string | null; readonly owner: MediaOwner | null };

const ownerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().min(1).transform((id) => asId<UserId>(id)) }),
  z.object({ kind: z.literal('lead'), leadId: z.string().min(1).transform((id) => asId<LeadId>(id)) }),
  z.object({ kind: z.literal('conversation'), conversationId: z.string().min(1).transform((id) => asId<ConversationId>(id)) }),
]);

/** The owner as written; metadata from before owners were recorded (or unreadable) has none, which fails closed. */
const ownerOf = (meta: { readonly owner?: unknown }): MediaOwner | null => {
  const parsed = ownerSchema.safeParse(meta.owner);
  return parsed.success ? parsed.data : null;
};

const SAFE_ID = /^[A-Za-z0-9_.-]+$/;

/**
 * Files on local disk, one `<id>` file and its `<id>.json` metadata (type, name, owner), for the single-process embedded
 * setup (PGlite). Several instances need a store they share: PostgreSQL keeps files itself.
 */
export class DiskMediaStore implements MediaStore {
  constructor(
    private readonly dir: string,
    private readonly ids: IdGenerator,
  ) {}

  async put(media: OwnedMedia): Promise<MediaId> {
    const id = asId<MediaId>(this.ids.next('media'));
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, id), media.bytes);
    // Metadata last: a file without it is invisible, so a crash mid-write never yields a half file.
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify({ mimeType: media.mimeType, filename: media.filename, owner: media.owner } satisfies Meta));
    return id;
  }

  async get(id: MediaId): Promise<OwnedMedia | null> {
    if (!SAFE_ID.test(id)) return null;
    try {
      const meta = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as Omit<Meta, 'owner'> & { readonly owner?: unknown };
      const bytes = new Uint8Array(await readFile(join(this.dir, id)));
      return { bytes, mimeType: meta.mimeType, filename: meta.filename, owner: ownerOf(meta) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}
