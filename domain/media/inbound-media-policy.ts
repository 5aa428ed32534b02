import type { InboundMediaKind } from '../messaging/message.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { parseMimeType, type InvalidMimeType } from './mime-type.ts';
import type { MediaTooLarge, UnsupportedMediaType } from './upload-policy.ts';

const MB = 1024 * 1024;

/**
 * WhatsApp's own limits for files users send (adapters/whatsapp/meta-cloud/README.md §F11);
 * stickers: the animated ones' 500 KB.
 */
export const WHATSAPP_INBOUND_LIMITS: Readonly<Record<InboundMediaKind, number>> = {
  image: 5 * MB,
  audio: 16 * MB,
  video: 16 * MB,
  document: 100 * MB,
  sticker: 500 * 1024,
};

const IMAGE = ['image/jpeg', 'image/png'];
const AUDIO = ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'];
const VIDEO = ['video/mp4', 'video/3gpp'];
const DOCUMENT = [
  'text/plain',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
];

/**
 * The types WhatsApp carries for each kind (adapters/whatsapp/meta-cloud/README.md §F11). A photo, song or clip sent
 * "as a document" keeps its own type, so documents take those too.
 */
const TYPES: Readonly<Record<InboundMediaKind, readonly string[]>> = {
  image: IMAGE,
  audio: AUDIO,
  video: VIDEO,
  sticker: ['image/webp'],
  document: [...DOCUMENT, ...IMAGE, ...AUDIO, ...VIDEO],
};

export type InboundMediaRefusal = MediaTooLarge | UnsupportedMediaType | InvalidMimeType;

/** The most bytes we copy of a file of this kind: WhatsApp's limit, or the operator's when lower. */
export const inboundMediaLimit = (kind: InboundMediaKind, configuredMax: number | null): number =>
  configuredMax === null ? WHATSAPP_INBOUND_LIMITS[kind] : Math.min(configuredMax, WHATSAPP_INBOUND_LIMITS[kind]);

/**
 * Whether a file a lead sent may be copied, from what WhatsApp says of it before the download: its
 * type must parse and be one WhatsApp carries for the kind, and its announced size (when known) fit
 * `maxBytes`. Gives the canonical MIME type to store.
 */
export const checkInboundMedia = (
  kind: InboundMediaKind,
  mimeType: string,
  announcedSize: number | null,
  maxBytes: number,
): Result<string, InboundMediaRefusal> => {
  const parsed = parseMimeType(mimeType);
  if (!parsed.ok) return parsed;
  if (!TYPES[kind].includes(parsed.value.essence))
    return err({ type: 'UnsupportedMediaType', mimeType: parsed.value.essence, reason: 'not_allowed' });
  if (announcedSize !== null && announcedSize > maxBytes)
    return err({ type: 'MediaTooLarge', size: announcedSize, maxBytes });
  return ok(parsed.value.text);
};

const ARTICLE: Readonly<Record<InboundMediaKind, string>> = {
  image: 'an image',
  audio: 'an audio',
  video: 'a video',
  document: 'a document',
  sticker: 'a sticker',
};
const size = (bytes: number): string =>
  bytes >= MB ? `${+(bytes / MB).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`;

/**
 * Why a file was not copied, as the message keeps it for the CRM (`code: title`): a stable code and a
 * short English title. An invalid type is never echoed (it may hold anything, CR/LF included).
 */
export const refusalReason = (
  kind: InboundMediaKind,
  refusal: InboundMediaRefusal,
): { readonly code: string; readonly title: string } => {
  switch (refusal.type) {
    case 'MediaTooLarge':
      return {
        code: 'media_too_large',
        title: `File too large: over the ${size(refusal.maxBytes)} limit for ${ARTICLE[kind]}`,
      };
    case 'UnsupportedMediaType':
      return {
        code: 'unsupported_media_type',
        title: `WhatsApp does not carry ${refusal.mimeType} as ${ARTICLE[kind]}`,
      };
    case 'InvalidMimeType':
      return { code: 'invalid_media_type', title: 'The file’s MIME type is not one' };
  }
};
