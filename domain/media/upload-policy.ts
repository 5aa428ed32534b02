import { err, ok, type Result } from '../shared/result.ts';

/** The largest file an advisor may attach: WhatsApp's limit for audio and video, and ours for everything. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

/** What WhatsApp accepts from a business and the CRM lets advisors attach. */
export const ACCEPTED_UPLOAD_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
  'text/plain',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

export type EmptyFile = { readonly type: 'EmptyFile' };
export type MediaTooLarge = { readonly type: 'MediaTooLarge'; readonly size: number; readonly maxBytes: number };
/** `webm_voice_note`: a browser recording in WebM, which WhatsApp does not play as a voice note and we cannot transcode. */
export type UnsupportedMediaType = {
  readonly type: 'UnsupportedMediaType';
  readonly mimeType: string;
  readonly reason: 'not_allowed' | 'webm_voice_note';
};
export type UploadRefusal = EmptyFile | MediaTooLarge | UnsupportedMediaType;

/** `Audio/OGG; codecs=opus` → `audio/ogg`. */
export const essenceOf = (mimeType: string): string => (mimeType.split(';')[0] ?? '').trim().toLowerCase();

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
/** The EBML header every WebM (and Matroska) file starts with. */
const WEBM_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

/**
 * The upload's MIME type (its essence) if we may keep and send it. A voice note must be OGG/Opus: WebM from
 * `MediaRecorder` is refused, also when it is labelled `audio/ogg` but its bytes are WebM. Whether the bytes
 * are what the label says is `checkContent`'s question (`content-check.ts`), asked next.
 */
export const checkUpload = (declaredType: string, bytes: Uint8Array): Result<string, UploadRefusal> => {
  if (bytes.length === 0) return err({ type: 'EmptyFile' });
  if (bytes.length > MAX_UPLOAD_BYTES)
    return err({ type: 'MediaTooLarge', size: bytes.length, maxBytes: MAX_UPLOAD_BYTES });
  const mimeType = essenceOf(declaredType);
  const webmAudio =
    mimeType === 'audio/webm' ||
    mimeType === 'video/webm' ||
    (mimeType === 'audio/ogg' && startsWith(bytes, WEBM_MAGIC));
  if (webmAudio) return err({ type: 'UnsupportedMediaType', mimeType, reason: 'webm_voice_note' });
  return ACCEPTED_UPLOAD_TYPES.includes(mimeType)
    ? ok(mimeType)
    : err({ type: 'UnsupportedMediaType', mimeType, reason: 'not_allowed' });
};
