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
 * Files we keep: quote PDFs, agent uploads, media downloaded from leads. Nothing here renders or downloads:
 * bytes come in ready (or as a stream), so storing a file inside a transaction holds it only for the writing.
 *
 * Transactions (pinned by tests/contracts/media-store.contract.ts):
 * - PostgreSQL and PGlite (`DrizzleMediaStore`) join the unit of work's transaction when called inside one: a
 *   file put in a transaction that rolls back is gone with it. Called outside one, each call is its own
 *   transaction.
 * - Disk (`DiskMediaStore`) and memory (`InMemoryMediaStore`) sit beside the database. Wired with the unit of
 *   work's `RollbackHooks` (as the composition root wires them), a file put in a transaction that rolls back is
 *   removed once it has rolled back: no orphan. Without them they are plain blob stores and it stays, an orphan.
 *   A crash before the transaction ends can still leave an unreferenced file there, never a reference to a
 *   missing one.
 * - A file stored in one transaction (or none) and referred to by a row written in another that fails is an
 *   orphan on every adapter. Store the file first and refer to it after, never the other way round: an orphan
 *   wastes space, a reference to a missing file breaks a conversation. Better: store both in one transaction.
 * - A refused (`MediaTooLarge`) or broken (`body` throws) `putStream` keeps nothing on any adapter, inside a
 *   transaction or not (PostgreSQL uses a savepoint, disk a `.part` file renamed at the end).
 *
 * Streaming: `putStream` never holds the file whole and reads at most one piece past `maxBytes`; `getStream`
 * gives it back in pieces of at most 1 MiB, whether it was stored whole or streamed.
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
  /**
   * Deletes the file for good (an erasure); a file already gone is fine. Call it after the transaction that
   * dropped every reference has committed: a store beside the database cannot take a deletion back.
   */
  delete(id: MediaId): Promise<void>;
}

/**
 * How a store beside the database takes part in the unit of work's transactions: `undo` runs once the
 * transaction in progress here (in this async context) has rolled back. `false`, registering nothing, when
 * no transaction is in progress.
 */
export interface RollbackHooks {
  onRollback(undo: () => Promise<void>): boolean;
}
