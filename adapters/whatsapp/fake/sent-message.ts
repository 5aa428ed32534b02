import type { WaIdentity } from '../../../domain/lead/lead.ts';
import type { Choice, OutboundContent } from '../../../domain/messaging/outbound.ts';
import type { WaMessageId } from '../../../domain/shared/ids.ts';
import type { Instant } from '../../../domain/shared/time.ts';

/** One message the fake WhatsApp accepted, as the lead's phone would show it. */
export type SentMessage = {
  readonly waMessageId: WaMessageId;
  readonly phoneNumberId: string;
  readonly to: WaIdentity;
  readonly content: OutboundContent;
  readonly at: Instant;
};

/** The buttons or list rows a lead may tap; none for other kinds. */
export const choicesOf = (content: OutboundContent): readonly Choice[] => {
  switch (content.kind) {
    case 'buttons':
      return content.buttons;
    case 'list':
      return content.sections.flatMap((s) => s.rows);
    default:
      return [];
  }
};

/** The text a lead reads in the message, or `null` for media. */
export const textOf = (content: OutboundContent): string | null => {
  switch (content.kind) {
    case 'text':
    case 'buttons':
    case 'list':
      return content.body;
    case 'template':
      return content.renderedText;
    case 'media':
      return null;
  }
};
