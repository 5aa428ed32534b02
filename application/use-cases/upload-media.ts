import { checkContent, type ContentMismatch } from '../../domain/media/content-check.ts';
import { checkUpload, type UploadRefusal } from '../../domain/media/upload-policy.ts';
import type { MediaId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { authorOf, type Actor } from '../ports/actor.ts';
import type { ContentTypeDetector } from '../ports/content-type-detector.ts';
import type { MediaStore } from '../ports/media-store.ts';

export type UploadMediaInput = {
  /** Who uploads: the file is theirs, and until it is sent only they (and managers, admins) may read it. */
  readonly actor: Actor;
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly filename: string | null;
};

/** A file kept for sending: its id is what a media message or template header names. */
export type UploadedMedia = {
  readonly id: MediaId;
  readonly mimeType: string;
  readonly filename: string | null;
  readonly size: number;
};

export type UploadMediaError = UploadRefusal | ContentMismatch;

/**
 * An advisor attaches a file (document, image, voice note): checked against WhatsApp's types, our size limit
 * and its own bytes (a PDF labelled JPEG, an MP3 labelled OGG are refused), then kept as the uploader's.
 */
export class UploadMedia {
  constructor(
    private readonly media: MediaStore,
    private readonly detector: ContentTypeDetector,
  ) {}

  async execute(input: UploadMediaInput): Promise<Result<UploadedMedia, UploadMediaError>> {
    const accepted = checkUpload(input.mimeType, input.bytes);
    if (!accepted.ok) return err(accepted.error);
    const content = checkContent(accepted.value, await this.detector.detect(input.bytes), input.bytes);
    if (!content.ok) return content;
    const filename = input.filename === null || input.filename.trim() === '' ? null : input.filename.trim();
    const owner = { kind: 'user', userId: authorOf(input.actor) } as const;
    const id = await this.media.put({ bytes: input.bytes, mimeType: accepted.value, filename, owner });
    return ok({ id, mimeType: accepted.value, filename, size: input.bytes.length });
  }
}
