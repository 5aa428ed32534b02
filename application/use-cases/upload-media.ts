import { checkUpload, type UploadRefusal } from '../../domain/media/upload-policy.ts';
import type { MediaId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { MediaStore } from '../ports/media-store.ts';

export type UploadMediaInput = { readonly bytes: Uint8Array; readonly mimeType: string; readonly filename: string | null };

/** A file kept for sending: its id is what a media message or template header names. */
export type UploadedMedia = { readonly id: MediaId; readonly mimeType: string; readonly filename: string | null; readonly size: number };

export type UploadMediaError = UploadRefusal;

/** An advisor attaches a file (document, image, voice note): checked against WhatsApp's types and our size limit, then kept. */
export class UploadMedia {
  constructor(private readonly media: MediaStore) {}

  async execute(input: UploadMediaInput): Promise<Result<UploadedMedia, UploadMediaError>> {
    const accepted = checkUpload(input.mimeType, input.bytes);
    if (!accepted.ok) return err(accepted.error);
    const filename = input.filename === null || input.filename.trim() === '' ? null : input.filename.trim();
    const id = await this.media.put({ bytes: input.bytes, mimeType: accepted.value, filename });
    return ok({ id, mimeType: accepted.value, filename, size: input.bytes.length });
  }
}
