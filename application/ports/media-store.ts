import type { MediaTooLarge } from '../../domain/media/upload-policy.ts';
import type { ConversationId, LeadId, MediaId, UserId } from '../../domain/shared/ids.ts';
import type { Result } from '../../domain/shared/result.ts';

/**
 * Whose file it is, which decides who may read it: the user who uploaded it, or the lead it came from or was
 * made for (a file the lead sent, a quote PDF). A file from a conversation whose lead is not registered yet
 * belongs to the conversation, and so to whoever handles the lead it leads to.
 */
export type MediaOwner =
  | { readonly kind: 'user'; readonly userId: UserId }
  | { readonly kind: 'lead'; readonly leadId: LeadId }
  | { readonly kind: 'conversation'; readonly conversationId: ConversationId };

/** What a kept file is, besides its bytes. */
export type MediaDescription = { readonly mimeType: string; readonly filename: string | null };

export type StoredMedia = MediaDescription & { readonly bytes: Uint8Array };

/** A kept file read as it goes: `size` bytes, in pieces of at most 1 MiB. */
export type MediaReader = MediaDescription & { readonly size: number; readonly body: AsyncIterable<Uint8Array> };

/** Whose a kept file is: `null` for files kept before owners were recorded, which only managers and admins read. */
export type Owned = { readonly owner: MediaOwner | null };
export type OwnedMedia = StoredMedia & Owned;
export type OwnedDescription = MediaDescription & Owned;
export type OwnedReader = MediaReader & Owned;

/**
 * Files we keep: quote PDFs, agent uploads, media downloaded from leads. A file stored from inside a unit of
 * work's transaction is part of it: kept if the transaction commits, gone if it rolls back (PostgreSQL stores it
 * in the transaction itself; a store beside the database removes it on rollback, see `RollbackHooks`). Stored
 * outside one, it is kept at once. Nothing here renders or downloads: bytes come in ready (or as a stream).
 */
export interface MediaStore {
  /** Stores the bytes with their owner and returns their id; throws only on infrastructure failure. */
  put(media: OwnedMedia): Promise<MediaId>;
  /** Returns `null` when absent; the owner comes back as stored (`null` when none was recorded). */
  get(id: MediaId): Promise<OwnedMedia | null>;
  /**
   * Stores a file with its owner as its bytes arrive, never holding it whole. Past `maxBytes` it stops reading
   * `body` (ending it early, so its source can close) and answers `MediaTooLarge` with the bytes seen so far;
   * when `body` throws, the error propagates. Either way nothing of the file is kept.
   */
  putStream(
    media: OwnedDescription,
    body: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<Result<MediaId, MediaTooLarge>>;
  /** The file to read as a stream, with its owner as stored; `null` when absent. */
  getStream(id: MediaId): Promise<OwnedReader | null>;
}

/**
 * How a store beside the database takes part in the unit of work's transactions: `undo` runs once the
 * transaction in progress here (in this async context) has rolled back. `false`, registering nothing, when
 * no transaction is in progress.
 */
export interface RollbackHooks {
  onRollback(undo: () => Promise<void>): boolean;
}
