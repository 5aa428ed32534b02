import type { ConversationId, LeadId, MediaId } from '../../domain/shared/ids.ts';
import { checkContent, type ContentMismatch } from '../../domain/media/content-check.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { seesAllLeads, type Actor } from '../ports/actor.ts';
import type { ContentTypeDetector } from '../ports/content-type-detector.ts';
import type { MediaOwner, MediaStore, OwnedMedia } from '../ports/media-store.ts';
import type { Repositories } from '../ports/unit-of-work.ts';
import { visibleLead } from './lead-access.ts';

export type MediaNotFound = { readonly type: 'MediaNotFound'; readonly mediaId: MediaId };

/** A lead's file belongs to the lead once there is one, else to its conversation (a lead not registered yet). */
export const leadOwner = (leadId: LeadId | null, conversationId: ConversationId): MediaOwner =>
  leadId === null ? { kind: 'conversation', conversationId } : { kind: 'lead', leadId };

const ownerLead = async (repos: Repositories, owner: Exclude<MediaOwner, { kind: 'user' }>): Promise<LeadId | null> =>
  owner.kind === 'lead' ? owner.leadId : ((await repos.conversations.byId(owner.conversationId))?.leadId ?? null);

const seesLead = async (repos: Repositories, actor: Actor, leadId: LeadId | null): Promise<boolean> =>
  leadId !== null && (await visibleLead(repos, actor, leadId)) !== null;

/**
 * Whether the actor may read a kept file (download it, or attach it to a message). Managers and admins read
 * every file; an advisor their own uploads, the files of leads they see, and files sent in those leads'
 * conversations (a lead handed over keeps its history). A file with no owner recorded fails closed.
 */
export const mayReadMedia = async (
  repos: Repositories,
  actor: Actor,
  mediaId: MediaId,
  owner: MediaOwner | null,
): Promise<boolean> => {
  if (seesAllLeads(actor)) return true;
  if (owner === null) return false;
  if (
    owner.kind === 'user'
      ? actor.kind === 'user' && owner.userId === actor.userId
      : await seesLead(repos, actor, await ownerLead(repos, owner))
  ) {
    return true;
  }
  for (const leadId of new Set(await repos.messages.leadsReferencingMedia(mediaId))) {
    if (await seesLead(repos, actor, leadId)) return true;
  }
  return false;
};

/** A file named in a message the actor sends, as it is stored. */
export type Attachment = { readonly mediaId: MediaId; readonly mimeType: string };

/**
 * The stored file if the actor may attach it and its bytes are what the message labels them: another
 * advisor's file is "not found" (nothing leaks), a PDF sent as a JPEG or an MP3 as a voice note a mismatch.
 */
export const attachable = async (
  repos: Repositories,
  deps: { readonly media: MediaStore; readonly detector: ContentTypeDetector },
  actor: Actor,
  file: Attachment,
): Promise<Result<OwnedMedia, MediaNotFound | ContentMismatch>> => {
  const stored = await deps.media.get(file.mediaId);
  if (stored === null || !(await mayReadMedia(repos, actor, file.mediaId, stored.owner)))
    return err({ type: 'MediaNotFound', mediaId: file.mediaId });
  const fits = checkContent(file.mimeType, await deps.detector.detect(stored.bytes), stored.bytes);
  return fits.ok ? ok(stored) : fits;
};
