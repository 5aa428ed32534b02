import { err, ok, type Result } from '../shared/result.ts';
import { essenceOf } from './upload-policy.ts';

/** A file whose bytes are not what its label says; `detected` is `null` when no known signature was found. */
export type ContentMismatch = {
  readonly type: 'ContentMismatch';
  readonly declared: string;
  readonly detected: string | null;
};

/** The signature of an OGG container with Opus inside: what WhatsApp plays as a voice note. */
export const OGG_OPUS = 'audio/ogg; codecs=opus';
/** Word, Excel and PowerPoint before 2007 share one container (Compound File Binary); its signature names no more. */
const CFB = 'application/x-cfb';

/**
 * The signatures a label may show. Detectors name some formats differently from the label WhatsApp takes: an
 * M4A is `audio/x-m4a` or a plain MP4, and WhatsApp's `audio/ogg` is only ever OGG with Opus inside.
 * A label missing here must show its own type.
 */
const SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  'image/png': ['image/png', 'image/apng'],
  'audio/ogg': [OGG_OPUS],
  'audio/opus': [OGG_OPUS],
  'audio/mp4': ['audio/mp4', 'audio/x-m4a', 'video/mp4'],
  'video/mp4': ['video/mp4', 'video/x-m4v'],
  'application/msword': [CFB],
  'application/vnd.ms-excel': [CFB],
  'application/vnd.ms-powerpoint': [CFB],
};

/** Labels of text, which has no signature. */
const TEXT_TYPES: readonly string[] = ['text/plain', 'text/csv'];
/** Text formats detectors recognise by their first line; a text file may well be one of them. */
const TEXT_SIGNATURES: readonly string[] = ['application/xml', 'text/calendar', 'text/vcard', 'text/vtt'];
/** How far to look for a NUL byte, which text never has and nearly every binary format does. */
const TEXT_SCAN_BYTES = 8192;

const looksLikeText = (bytes: Uint8Array): boolean => !bytes.subarray(0, TEXT_SCAN_BYTES).includes(0);

/**
 * Whether bytes whose signature is `detected` may go out labelled `declared`. Text may not be detected as
 * anything binary and has no NUL byte early on; any other label needs a signature that fits it.
 */
export const fitsLabel = (declared: string, detected: string | null, bytes: Uint8Array): boolean => {
  const label = essenceOf(declared);
  if (TEXT_TYPES.includes(label))
    return (detected === null || TEXT_SIGNATURES.includes(essenceOf(detected))) && looksLikeText(bytes);
  if (detected === null) return false;
  const shown = detected.trim().toLowerCase();
  const allowed = SIGNATURES[label];
  return allowed === undefined ? essenceOf(shown) === label : allowed.includes(shown);
};

/** The file as labelled, or the mismatch naming both types (the label's essence, the detected signature). */
export const checkContent = (
  declared: string,
  detected: string | null,
  bytes: Uint8Array,
): Result<string, ContentMismatch> =>
  fitsLabel(declared, detected, bytes)
    ? ok(essenceOf(declared))
    : err({ type: 'ContentMismatch', declared: essenceOf(declared), detected });
