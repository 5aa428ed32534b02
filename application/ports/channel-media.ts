import type { MediaTooLarge } from '../../domain/media/upload-policy.ts';
import type { InboundMediaKind } from '../../domain/messaging/message.ts';
import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { MediaId } from '../../domain/shared/ids.ts';
import type { Result } from '../../domain/shared/result.ts';
import type { MediaDescription } from './media-store.ts';

export type MediaDownloadFailure = {
  readonly type: 'MediaDownloadFailed';
  /** False when trying again cannot help (the id expired or never existed, the file is too large or of a refused type). */
  readonly retryable: boolean;
  readonly code: string;
  readonly title: string;
};

/** A file a lead sent, as the message names it: WhatsApp's id, and the kind that decides its limits. */
export type InboundFile = { readonly waMediaId: string; readonly kind: InboundMediaKind };

/** Where a download goes as it arrives: `MediaStore.putStream`, which keeps at most `maxBytes`. */
export type MediaSink = (
  media: MediaDescription,
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
) => Promise<Result<MediaId, MediaTooLarge>>;

/** Files leads sent, still held by WhatsApp (Meta keeps them 7 days). */
export interface ChannelMedia {
  /**
   * Streams the file WhatsApp knows by this id into `sink`, never holding it whole, and gives the id it was
   * stored under; a classified failure otherwise (nothing is kept then). Throws only on bugs, a refused
   * access token, and what the sink throws for its own reasons (storage down).
   */
  download(line: BusinessLine, file: InboundFile, sink: MediaSink): Promise<Result<MediaId, MediaDownloadFailure>>;
}
