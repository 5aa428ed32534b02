import type { MediaTooLarge } from '../../domain/media/upload-policy.ts';
import type { MediaId } from '../../domain/shared/ids.ts';
import type { Result } from '../../domain/shared/result.ts';

/** What a kept file is, besides its bytes. */
export type MediaDescription = { readonly mimeType: string; readonly filename: string | null };

export type StoredMedia = MediaDescription & { readonly bytes: Uint8Array };

/** A kept file read as it goes: `size` bytes, in pieces of at most 1 MiB. */
export type MediaReader = MediaDescription & { readonly size: number; readonly body: AsyncIterable<Uint8Array> };

/** Files we keep: quote PDFs, agent uploads, media downloaded from leads. */
export interface MediaStore {
  /** Stores the bytes and returns their id; throws only on infrastructure failure. */
  put(media: StoredMedia): Promise<MediaId>;
  /** Returns `null` when absent. */
  get(id: MediaId): Promise<StoredMedia | null>;
  /**
   * Stores a file as its bytes arrive, never holding it whole. Past `maxBytes` it stops reading `body`
   * (ending it early, so its source can close) and answers `MediaTooLarge` with the bytes seen so far;
   * when `body` throws, the error propagates. Either way nothing of the file is kept.
   */
  putStream(media: MediaDescription, body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Result<MediaId, MediaTooLarge>>;
  /** The file to read as a stream; `null` when absent. */
  getStream(id: MediaId): Promise<MediaReader | null>;
}
