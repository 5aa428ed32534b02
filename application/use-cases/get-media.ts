import type { MediaId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { seesAllLeads, type Actor } from '../ports/actor.ts';
import type { MediaStore, OwnedReader } from '../ports/media-store.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { mayReadMedia, type MediaNotFound } from './media-access.ts';

export type { MediaNotFound } from './media-access.ts';

/**
 * A kept file (upload, quote PDF, media a lead sent), to show or download in the CRM. Who may read it is
 * `mayReadMedia`'s rule; any other file is "not found", exactly like an unknown id, so its existence does not leak.
 */
export class GetMedia {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly media: MediaStore,
  ) {}

  /** The file as a stream: a 100 MB document is served without being held whole. */
  async execute(input: {
    readonly actor: Actor;
    readonly mediaId: MediaId;
  }): Promise<Result<OwnedReader, MediaNotFound>> {
    const notFound = err({ type: 'MediaNotFound', mediaId: input.mediaId } as const);
    // Opened lazily: nothing is read from the store's body until the response streams it.
    const stored = await this.media.getStream(input.mediaId);
    if (stored === null) return notFound;
    if (seesAllLeads(input.actor)) return ok(stored);
    const allowed = await this.uow.transaction((repos) =>
      mayReadMedia(repos, input.actor, input.mediaId, stored.owner),
    );
    return allowed ? ok(stored) : notFound;
  }
}
