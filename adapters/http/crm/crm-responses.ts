import { ProblemSchema, PROBLEM_CONTENT_TYPE } from '../problem.ts';

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
});

/** Documented refusals shared by CRM contracts; spread into `responses`. */
export const authResponses = {
  401: problemResponse('No API key, or one that is unknown or revoked (`unauthenticated`).'),
  429: problemResponse(
    'The key spent its request budget, or this address failed to authenticate too often (`rate_limited`, with `Retry-After`).',
  ),
} as const;

export const roleResponses = {
  ...authResponses,
  403: problemResponse('The caller’s role may not do this (`forbidden`).'),
} as const;

export const problemResponses = (entries: Readonly<Record<number, string>>) =>
  Object.fromEntries(Object.entries(entries).map(([status, description]) => [status, problemResponse(description)]));

export { problemResponse };
