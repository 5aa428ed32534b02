import { fileTypeFromBuffer } from 'file-type';
import type { ContentTypeDetector } from '../../application/ports/content-type-detector.ts';

/**
 * Reads a file's type from its signature with `file-type` (a maintained table of several hundred formats,
 * OGG/Opus and the Office containers included). A file it cannot parse is "unrecognised", never an error:
 * the caller then refuses any label but text.
 */
export class FileTypeContentDetector implements ContentTypeDetector {
  async detect(bytes: Uint8Array): Promise<string | null> {
    try {
      return (await fileTypeFromBuffer(bytes))?.mime.toLowerCase() ?? null;
    } catch {
      return null;
    }
  }
}
