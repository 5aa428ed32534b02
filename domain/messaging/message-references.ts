import type { MessageId, WaMessageId } from '../shared/ids.ts';
import type { Message } from './message.ts';

/** The message another refers to (a quoted reply's, a reaction's): ours and Meta's ids and its text, when known. */
export type MessageReference = {
  /** `null` when we do not hold it (older than our records, or not ours). */
  readonly messageId: MessageId | null;
  readonly waMessageId: WaMessageId;
  readonly text: string | null;
};

/** What a chat bubble shows: the text, a template's rendered text, a caption, a tapped option, an emoji. */
export const shownText = (m: Message): string | null => {
  const c = m.content;
  if (c.kind === 'text' || c.kind === 'buttons' || c.kind === 'list') return c.body;
  if (c.kind === 'template') return c.renderedText;
  if (c.kind === 'choice') return c.title;
  if (c.kind === 'media') return c.caption ?? null;
  if (c.kind === 'reaction') return c.emoji;
  return null;
};

const reference = (waMessageId: WaMessageId, find: (id: WaMessageId) => Message | null): MessageReference => {
  const found = find(waMessageId);
  return { messageId: found?.id ?? null, waMessageId, text: found === null ? null : shownText(found) };
};

/** The message a lead's quoted reply answers, and the one their reaction reacts to; `null` for neither. */
export const referencesOf = (
  m: Message,
  find: (id: WaMessageId) => Message | null,
): { readonly replyTo: MessageReference | null; readonly reactsTo: MessageReference | null } => {
  if (m.direction !== 'inbound') return { replyTo: null, reactsTo: null };
  return {
    replyTo: m.replyTo === undefined ? null : reference(m.replyTo, find),
    reactsTo: m.content.kind === 'reaction' ? reference(m.content.toWaMessageId as WaMessageId, find) : null,
  };
};
