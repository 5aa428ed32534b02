import type { DiscardDeadLetter } from '../../../application/use-cases/discard-dead-letter.ts';
import type { GetDeadLetter } from '../../../application/use-cases/get-dead-letter.ts';
import type { ListDeadLetters } from '../../../application/use-cases/list-dead-letters.ts';
import type { RetryDeadLetter } from '../../../application/use-cases/retry-dead-letter.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import type * as routes from './dead-letters.routes.ts';
import { deadLetterBody, deadLetterDetailBody, requeuedBody } from './dead-letters.schemas.ts';

/** What the dead-letter routes need: their use cases. */
export type DeadLettersDeps = {
  readonly listDeadLetters: Pick<ListDeadLetters, 'execute'>;
  readonly getDeadLetter: Pick<GetDeadLetter, 'execute'>;
  readonly retryDeadLetter: Pick<RetryDeadLetter, 'execute'>;
  readonly discardDeadLetter: Pick<DiscardDeadLetter, 'execute'>;
};

export const listDeadLetters =
  (deps: DeadLettersDeps): CrmHandler<typeof routes.listDeadLettersRoute> =>
  async (c) => {
    const { status, cursor, limit } = c.req.valid('query');
    const page = await deps.listDeadLetters.execute({ status, limit, ...(cursor === undefined ? {} : { cursor }) });
    if (!page.ok) return crmProblem(c, page.error);
    return c.json({ items: page.value.items.map(deadLetterBody), nextCursor: page.value.nextCursor }, 200);
  };

export const getDeadLetter =
  (deps: DeadLettersDeps): CrmHandler<typeof routes.getDeadLetterRoute> =>
  async (c) => {
    const found = await deps.getDeadLetter.execute(c.req.valid('param').id);
    // It holds personal data: no cache along the way keeps a copy.
    return found.ok
      ? c.json(deadLetterDetailBody(found.value), 200, { 'Cache-Control': 'no-store' })
      : crmProblem(c, found.error);
  };

export const retryDeadLetter =
  (deps: DeadLettersDeps): CrmHandler<typeof routes.retryDeadLetterRoute> =>
  async (c) => {
    const requeued = await deps.retryDeadLetter.execute(c.req.valid('param').id);
    if (!requeued.ok) return crmProblem(c, requeued.error);
    return c.json(requeuedBody(requeued.value), 202);
  };

export const discardDeadLetter =
  (deps: DeadLettersDeps): CrmHandler<typeof routes.discardDeadLetterRoute> =>
  async (c) => {
    const discarded = await deps.discardDeadLetter.execute(c.req.valid('param').id);
    return discarded.ok ? c.json(deadLetterBody(discarded.value), 200) : crmProblem(c, discarded.error);
  };
