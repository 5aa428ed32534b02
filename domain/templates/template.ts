import { err, ok, type Result } from '../shared/result.ts';

export type TemplateStatus = 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED' | 'DISABLED';

/** A message template approved by Meta: the only thing a business may send outside the 24-hour window. */
export type Template = {
  readonly name: string;
  readonly language: string;
  readonly category: string;
  readonly status: TemplateStatus;
  /** Body text with `{{1}}`, `{{2}}`… placeholders. */
  readonly body: string;
};

export type TemplateParameterMismatch = {
  readonly type: 'TemplateParameterMismatch';
  readonly expected: number;
  readonly given: number;
};

/** Meta numbers a template's variables `{{1}}`…`{{n}}`; `{{0}}` or `{{01}}` are plain text. */
const PLACEHOLDER = /\{\{([1-9]\d*)\}\}/g;

/** How many parameters the body takes: its highest placeholder number (Meta's variables are positional). */
export const parameterCount = (template: Template): number =>
  Math.max(0, ...[...template.body.matchAll(PLACEHOLDER)].map((m) => Number(m[1])));

/** The text the lead will read, with every placeholder filled. */
export const renderTemplate = (
  template: Template,
  parameters: readonly string[],
): Result<string, TemplateParameterMismatch> => {
  const expected = parameterCount(template);
  if (parameters.length !== expected)
    return err({ type: 'TemplateParameterMismatch', expected, given: parameters.length });
  return ok(template.body.replace(PLACEHOLDER, (whole, n: string) => parameters[Number(n) - 1] ?? whole));
};

/**
 * What a review event from Meta means for sending: APPROVED and REINSTATED allow it; PAUSED and FLAGGED
 * stop it for a while; REJECTED, DISABLED and deletions for good. `null` for an event we do not know.
 */
export const statusAfterEvent = (event: string): TemplateStatus | null => {
  switch (event.toUpperCase()) {
    case 'APPROVED':
    case 'REINSTATED':
      return 'APPROVED';
    case 'PENDING':
    case 'IN_APPEAL':
      return 'PENDING';
    case 'REJECTED':
      return 'REJECTED';
    case 'PAUSED':
    case 'FLAGGED':
      return 'PAUSED';
    case 'DISABLED':
    case 'PENDING_DELETION':
    case 'DELETED':
    case 'ARCHIVED':
      return 'DISABLED';
    default:
      return null;
  }
};
