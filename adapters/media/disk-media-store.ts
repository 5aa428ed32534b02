import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type {
  MediaOwner,
  MediaStore,
  OwnedDescription,
  OwnedMedia,
  OwnedReader,
  RollbackHooks,
} from '../../application/ports/media-store.ts';
import type { MediaTooLarge } from '../../domain/media/upload-policy.ts';
import { asId, type ConversationId, type LeadId, type MediaId, type UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';

type Meta = { readonly mimeType: string; readonly filename: string | null; readonly owner: MediaOwner | null };

const ownerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    userId: z
      .string()
      .min(1)
      .transform((id) => asId<UserId>(id)),
  }),
  z.object({
    kind: z.literal('lead'),
    leadId: z
      .string()
      .min(1)
      .transform((id) => asId<LeadId>(id)),
  }),
  z.object({
    kind: z.literal('conversation'),
    conversationId: z
      .string()
      .min(1)
      .transform((id) => asId<ConversationId>(id)),
  }),
]);

/** The owner as written; metadata from before owners were recorded (or unreadable) has none, which fails closed. */
const ownerOf = (meta: { readonly owner?: unknown }): MediaOwner | null => {
  const parsed = ownerSchema.safeParse(meta.owner);
  return parsed.success ? parsed.data : null;
};

const SAFE_ID = /^[A-Za-z0-9_.-]+$/;
/** Read pieces; the port promises at most 1 MiB. */
const PIECE = 256 * 1024;

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';
const orNull = (error: unknown): null => {
  if (missing(error)) return null;
  throw error;
};

/**
 * Files on local disk, one `<id>` file and its `<id>.json` metadata (type, name, owner), for the single-process embedded
 * setup (PGlite). Several instances need a store they share: PostgreSQL keeps files itself.
 * Metadata is written last: a file without it is invisible, so a crash mid-write never yields a half file.
 */
export class DiskMediaStore implements MediaStore {
  /** `transactions`: the unit of work's, whose transactions a file stored inside one belongs to (removed if it rolls back). */
  constructor(
    private readonly dir: string,
    private readonly ids: IdGenerator,
    private readonly transactions: RollbackHooks | null = null,
  ) {}

  async put(media: OwnedMedia): Promise<MediaId> {
    const id = this.ids.next('media');
    await mkdir(this.dir, { recursive: true });
    this.#removeOnRollback(id);
    await writeFile(join(this.dir, id), media.bytes);
    await this.#describe(id, media);
    return id;
  }

  /** The description first: a file without it reads as absent, whatever is left of its bytes. */
  async delete(id: MediaId): Promise<void> {
    await rm(join(this.dir, `${id}.json`), { force: true });
    await rm(join(this.dir, id), { force: true });
    await rm(join(this.dir, `${id}.part`), { force: true });
  }

  async get(id: MediaId): Promise<OwnedMedia | null> {
    const meta = await this.#meta(id);
    const bytes = meta === null ? null : await readFile(join(this.dir, id)).catch(orNull);
    return meta === null || bytes === null
      ? null
      : { bytes: new Uint8Array(bytes), mimeType: meta.mimeType, filename: meta.filename, owner: meta.owner };
  }

  /** Written to `<id>.part` as it comes, then renamed: the file appears whole or not at all. */
  async putStream(
    media: OwnedDescription,
    body: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<Result<MediaId, MediaTooLarge>> {
    const id = this.ids.next('media');
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
    this.#removeOnRollback(id);
    await rename(part, join(this.dir, id));
    await this.#describe(id, media);
    return ok(id);
  }

  async getStream(id: MediaId): Promise<OwnedReader | null> {
    const meta = await this.#meta(id);
    const path = join(this.dir, id);
    const found = meta === null ? null : await stat(path).catch(orNull);
    if (meta === null || found === null) return null;
    // Opened on first read: a reader dropped unread leaves no open file behind.
    async function* body(): AsyncGenerator<Uint8Array> {
      yield* createReadStream(path, { highWaterMark: PIECE });
    }
    return { mimeType: meta.mimeType, filename: meta.filename, owner: meta.owner, size: found.size, body: body() };
  }

  /**
   * Inside a transaction, the file goes again if it rolls back: metadata first, so what a crash mid-way
   * leaves is invisible. A crash before the transaction ends leaves the file unreferenced, never a reference
   * without its file.
   */
  #removeOnRollback(id: MediaId): void {
    this.transactions?.onRollback(async () => {
      await rm(join(this.dir, `${id}.json`), { force: true });
      await rm(join(this.dir, id), { force: true });
    });
  }

  async #describe(id: MediaId, media: OwnedDescription): Promise<void> {
    await writeFile(
      join(this.dir, `${id}.json`),
      JSON.stringify({ mimeType: media.mimeType, filename: media.filename, owner: media.owner } satisfies Meta),
    );
  }

  async #meta(id: MediaId): Promise<Meta | null> {
    if (!SAFE_ID.test(id) || id.endsWith('.part')) return null;
    const text = await readFile(join(this.dir, `${id}.json`), 'utf8').catch(orNull);
    if (text === null) return null;
    const meta = JSON.parse(text) as Omit<Meta, 'owner'> & { readonly owner?: unknown };
    return { mimeType: meta.mimeType, filename: meta.filename, owner: ownerOf(meta) };
  }
}
