import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details plus a stable machine-readable `code` the CRM can switch on. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:lead-desk:problem:validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: 'validation_failed' }),
    detail: z.string().optional(),
  })
  .loose()
  .openapi('Problem');

export type ProblemBody = z.infer<typeof ProblemSchema>;

/** One invalid input, located the way OpenAPI names parameter locations. */
export interface FieldError {
  readonly in: 'body' | 'path' | 'query' | 'header' | 'cookie';
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

// A URN, not a URL: the codes are stable identifiers, and we do not promise a page per problem.
export const problemType = (code: string): string => `urn:lead-desk:problem:${code}`;

/**
 * Answers with a problem+json body. `extra` members are added next to the standard ones. Typed as the
 * `Problem` schema with the literal status, so a route contract documenting that status accepts it.
 */
export const problem = <S extends ContentfulStatusCode>(
  c: Context,
  status: S,
  code: string,
  title: string,
  detail?: string,
  extra?: Readonly<Record<string, unknown>>,
) => {
  const body: ProblemBody = {
    ...extra,
    type: problemType(code),
    title,
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
  };
  return c.json(body, status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
};
