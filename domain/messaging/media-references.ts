import type { MediaId } from '../shared/ids.ts';
import type { Message } from './message.ts';

/** The files of ours a message carries: its media, or its template's media header. */
export const mediaIdsOf = (message: Pick<Message, 'content'>): MediaId[] => {
  const { content } = message;
  if (content.kind === 'media') return content.mediaId === undefined ? [] : [content.mediaId];
  if (content.kind === 'template' && content.header?.kind === 'media') return [content.header.mediaId];
  return [];
};
