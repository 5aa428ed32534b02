import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { PROBLEM_CONTENT_TYPE, problemType, type FieldError } from './problem.ts';

/** Where each validation target is, as OpenAPI names parameter locations. */
const LOCATION: ReadonlyMap<string, FieldError['in']> = new Map([
  ['json', 'body'],
  ['form', 'body'],
  ['query', 'query'],
  ['param', 'path'],
  ['header', 'header'],
  ['cookie', 'cookie'],
]);

type HookResult = { target: string } & ({ success: true } | { success: false; error: ZodError });

/** The one 422 `validation_failed` problem, listing each invalid field (the CRM needs one error parser). */
export const validationProblem = (c: Context, location: FieldError['in'], errors: readonly FieldError[]) => {
  const noun = errors.length === 1 ? 'problem' : 'problems';
  const body = {
    errors: errors.map((e) => ({ in: e.in, path: e.path, code: e.code, message: e.message })),
    type: problemType('validation_failed'),
    title: 'Validation failed',
    status: 422,
    code: 'validation_failed',
    detail: `The request ${location} has ${errors.length} ${noun}.`,
  };
  return c.json(body, 422, { 'Content-Type': PROBLEM_CONTENT_TYPE });
};

/** The `defaultHook` of every router: all zod validation failures answer `validationProblem`. */
export const validationHook = (result: HookResult, c: Context) => {
  if (result.success) return undefined;
  const location = LOCATION.get(result.target) ?? 'body';
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    in: location,
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
  return validationProblem(c, location, errors);
};
