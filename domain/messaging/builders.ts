import { clip, LIMITS, type Choice, type ListRow, type OutboundContent } from './outbound.ts';

/**
 * Constructors that always respect WhatsApp's limits, whatever the text they are given:
 * long titles and bodies are clipped, empty ones get a placeholder.
 */
const nonEmpty = (text: string): string => (text.trim().length > 0 ? text : '—');

export const textMessage = (body: string): OutboundContent => ({
  kind: 'text',
  body: clip(nonEmpty(body), LIMITS.textBody),
});

export const buttonsMessage = (body: string, buttons: readonly Choice[], footer?: string): OutboundContent => ({
  kind: 'buttons',
  body: clip(nonEmpty(body), LIMITS.interactiveBody),
  buttons: buttons.slice(0, LIMITS.buttons).map((b) => ({
    id: clip(b.id, LIMITS.choiceId),
    title: clip(nonEmpty(b.title), LIMITS.buttonTitle),
  })),
  ...(footer === undefined ? {} : { footer: clip(footer, LIMITS.footerText) }),
});

export const listMessage = (
  body: string,
  buttonLabel: string,
  rows: readonly ListRow[],
  footer?: string,
): OutboundContent => ({
  kind: 'list',
  body: clip(nonEmpty(body), LIMITS.interactiveBody),
  buttonLabel: clip(nonEmpty(buttonLabel), LIMITS.listButtonLabel),
  sections: [
    {
      rows: rows.slice(0, LIMITS.listRows).map((r) => ({
        id: clip(r.id, LIMITS.choiceId),
        title: clip(nonEmpty(r.title), LIMITS.rowTitle),
        ...(r.description === undefined || r.description.length === 0
          ? {}
          : { description: clip(r.description, LIMITS.rowDescription) }),
      })),
    },
  ],
  ...(footer === undefined ? {} : { footer: clip(footer, LIMITS.footerText) }),
});

/** One page of a long list: up to 10 rows, or 9 and a "see more" row when more follow. */
export const pageOf = <T>(items: readonly T[], page: number): { items: T[]; hasMore: boolean } => {
  let start = 0;
  for (let p = 0; p < page && items.length - start > LIMITS.listRows; p++) start += LIMITS.listRows - 1;
  const rest = items.length - start;
  return rest > LIMITS.listRows
    ? { items: items.slice(start, start + LIMITS.listRows - 1), hasMore: true }
    : { items: items.slice(start), hasMore: false };
};
