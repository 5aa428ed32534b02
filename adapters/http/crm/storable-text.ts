import type { Context, MiddlewareHandler } from 'hono';
import { isStorableText } from '../../../domain/shared/storable-text.ts';
import { problem, type FieldError } from '../problem.ts';

const unstorable = (text: string): boolean => !isStorableText(text);
const MESSAGE = 'Text cannot hold NUL characters or unpaired surrogates';

/** Where in a JSON body a string (or a key) holds something that cannot be stored. */
const unstorableAt = (value: unknown, path: readonly string[] = []): string[] => {
  if (typeof value === 'string') return unstorable(value) ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unstorableAt(v, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    unstorable(k) ? [[...path, k].join('.')] : unstorableAt(v, [...path, k]),
  );
};

const inQuery = (c: Context): FieldError[] =>
  Object.entries(c.req.queries())
    .filter(([key, values]) => unstorable(key) || values.some((v) => unstorable(v)))
    .map(([key]) => ({ in: 'query', path: key, code: 'unstorable_text', message: MESSAGE }));

/** Read from a copy, so later readers (the upload's size limit, the validators) still can; malformed JSON is theirs to refuse. */
const inBody = async (c: Context): Promise<FieldError[]> => {
  if (!['POST', 'PUT', 'PATCH'].includes(c.req.method) || !/json/i.test(c.req.header('content-type') ?? '')) return [];
  try {
    const body: unknown = JSON.parse(await c.req.raw.clone().text());
    return unstorableAt(body).map((path) => ({ in: 'body', path, code: 'unstorable_text', message: MESSAGE }));
  } catch {
    return [];
  }
};

/**
 * Text with NUL or an unpaired surrogate failed only once the database saw it, as a 500. An id in the
 * path cannot name anything stored (404); in the query or a JSON body it is the usual 422.
 */
export const refuseUnstorableText: MiddlewareHandler = async (c, next) => {
  if (unstorable(c.req.path)) return problem(c, 404, 'not_found', 'Not Found', 'Nothing stored has such an id.');
  const errors = [...inQuery(c), ...(await inBody(c))];
  if (errors.length === 0) return next();
  const where = errors[0]?.in ?? 'body';
  return problem(
    c,
    422,
    'validation_failed',
    'Validation failed',
    `The request ${where} has ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}.`,
    { errors },
  );
};
