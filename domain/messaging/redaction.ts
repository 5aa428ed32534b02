import type { InboundContent } from './message.ts';

/** What stands where a forgotten email was. */
export const REDACTED_EMAIL = '[correo eliminado]';

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every occurrence of `email` (in any letter case) replaced by `REDACTED_EMAIL`. */
export const withoutEmail = (text: string, email: string): string =>
  email === '' ? text : text.replace(new RegExp(escaped(email), 'gi'), REDACTED_EMAIL);

/** A message's content with the email taken out of every text a lead can type (body, caption, title, place). */
export const contentWithoutEmail = (content: InboundContent, email: string): InboundContent => {
  switch (content.kind) {
    case 'text':
      return { ...content, body: withoutEmail(content.body, email) };
    case 'choice':
      return { ...content, title: withoutEmail(content.title, email) };
    case 'media':
      return content.caption === undefined ? content : { ...content, caption: withoutEmail(content.caption, email) };
    case 'location':
      return {
        ...content,
        ...(content.name === undefined ? {} : { name: withoutEmail(content.name, email) }),
        ...(content.address === undefined ? {} : { address: withoutEmail(content.address, email) }),
      };
    case 'reaction':
    case 'unsupported':
      return content;
  }
};

/** Whether any typed text of the content holds the email. */
export const contentMentions = (content: InboundContent, email: string): boolean =>
  JSON.stringify(contentWithoutEmail(content, email)) !== JSON.stringify(content);
