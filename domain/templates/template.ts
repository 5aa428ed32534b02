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

/** How many distinct `{{n}}` placeholders the body has. */
export const parameterCount = (template: Template): number =>
  new Set([...template.body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => m[1])).size;

/** The text the lead will read, with every placeholder filled. */
export const renderTemplate = (
  template: Template,
  parameters: readonly string[],
): Result<string, TemplateParameterMismatch> => {
  const expected = parameterCount(template);
  if (parameters.length !== expected) return err({ type: 'TemplateParameterMismatch', expected, given: parameters.length });
  return ok(template.body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => parameters[Number(n) - 1] ?? whole));
};
