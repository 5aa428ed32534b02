import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { Result } from '../../domain/shared/result.ts';
import type { StoredMedia } from './media-store.ts';

export type MediaDownloadFailure = {
  readonly type: 'MediaDownloadFailed';
  /** False when trying again cannot help (the id expired or never existed). */
  readonly retryable: boolean;
  readonly code: string;
  readonly title: string;
};

/** Files leads sent, still held by WhatsApp (Meta keeps them 7 days). */
export interface ChannelMedia {
  /** Fetches the file WhatsApp knows by this id; a classified failure otherwise. Throws only on bugs. */
  download(line: BusinessLine, waMediaId: string): Promise<Result<StoredMedia, MediaDownloadFailure>>;
}
