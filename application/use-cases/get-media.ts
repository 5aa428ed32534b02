import type { MediaId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { MediaStore, StoredMedia } from '../ports/media-store.ts';

export type MediaNotFound = { readonly type: 'MediaNotFound'; readonly mediaId: MediaId };

/** A kept file (upload, quote PDF, media a lead sent), to show or download in the CRM. */
export class GetMedia {
  constructor(private readonly media: MediaStore) {}

  async execute(input: { readonly mediaId: MediaId }): Promise<Result<StoredMedia, MediaNotFound>> {
    const stored = await this.media.get(input.mediaId);
    return stored === null ? err({ type: 'MediaNotFound', mediaId: input.mediaId }) : ok(stored);
  }
}
