import type { ConversationId, LeadId, MediaId, UserId } from '../../domain/shared/ids.ts';

/**
 * Whose file it is, which decides who may read it: the user who uploaded it, or the lead it came from or was
 * made for (a file the lead sent, a quote PDF). A file from a conversation whose lead is not registered yet
 * belongs to the conversation, and so to whoever handles the lead it leads to.
 */
export type MediaOwner =
  | { readonly kind: 'user'; readonly userId: UserId }
  | { readonly kind: 'lead'; readonly leadId: LeadId }
  | { readonly kind: 'conversation'; readonly conversationId: ConversationId };

export type StoredMedia = { readonly bytes: Uint8Array; readonly mimeType: string; readonly filename: string | null };

/** A kept file with its owner: `null` for files kept before owners were recorded, which only managers and admins read. */
export type OwnedMedia = StoredMedia & { readonly owner: MediaOwner | null };

/** Files we keep: quote PDFs, agent uploads, media downloaded from leads. */
export interface MediaStore {
  /** Stores the bytes with their owner and returns their id; throws only on infrastructure failure. */
  put(media: OwnedMedia): Promise<MediaId>;
  /** Returns `null` when absent; the owner comes back as stored (`null` when none was recorded). */
  get(id: MediaId): Promise<OwnedMedia | null>;
}
