import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { problem, type FieldError } from './problem.ts';

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

/**
 * The `defaultHook` of every router: all zod validation failures answer the same 422 problem,
 * listing each invalid field, so the CRM needs one error parser.
 */
export const validationHook = (result: HookResult, c: Context) => {
  if (result.success) return undefined;
  const location = LOCATION.get(result.target) ?? 'body';
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    in: location,
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
  const noun = errors.length === 1 ? 'problem' : 'problems';
  return problem(
    c,
    422,
    'validation_failed',
    'Validation failed',
    `The request ${location} has ${errors.length} ${noun}.`,
    {
      errors,
    },
  );
};
