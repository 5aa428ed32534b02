import type { MediaId } from '../../domain/shared/ids.ts';

export type StoredMedia = { readonly bytes: Uint8Array; readonly mimeType: string; readonly filename: string | null };

/** Files we keep: quote PDFs, agent uploads, media downloaded from leads. */
export interface MediaStore {
  /** Stores the bytes and returns their id; throws only on infrastructure failure. */
  put(media: StoredMedia): Promise<MediaId>;
  /** Returns `null` when absent. */
  get(id: MediaId): Promise<StoredMedia | null>;
}
