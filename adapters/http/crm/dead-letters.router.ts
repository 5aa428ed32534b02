import type { DiscardDeadLetter } from '../../../application/use-cases/discard-dead-letter.ts';
import type { GetDeadLetter } from '../../../application/use-cases/get-dead-letter.ts';
import type { ListDeadLetters } from '../../../application/use-cases/list-dead-letters.ts';
import type { RetryDeadLetter } from '../../../application/use-cases/retry-dead-letter.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import { crmProblem } from './crm-problem.ts';
import {
  discardDeadLetterRoute,
  getDeadLetterRoute,
  listDeadLettersRoute,
  retryDeadLetterRoute,
} from './dead-letters.routes.ts';
import { deadLetterBody, deadLetterDetailBody, requeuedBody } from './dead-letters.schemas.ts';

export type DeadLetterUseCases = {
  readonly listDeadLetters: Pick<ListDeadLetters, 'execute'>;
  readonly getDeadLetter: Pick<GetDeadLetter, 'execute'>;
  readonly retryDeadLetter: Pick<RetryDeadLetter, 'execute'>;
  readonly discardDeadLetter: Pick<DiscardDeadLetter, 'execute'>;
};

/** `/admin/dead-letters`: inbox entries that failed too often, for admins to retry or discard. */
export const deadLettersRouter = (useCases: DeadLetterUseCases): CrmRouter => {
  const router = createCrmRouter();

  router.openapi(listDeadLettersRoute, async (c) => {
    const { status, cursor, limit } = c.req.valid('query');
    const page = await useCases.listDeadLetters.execute({ status, limit, ...(cursor === undefined ? {} : { cursor }) });
    if (!page.ok) return crmProblem(c, page.error);
    return c.json({ items: page.value.items.map(deadLetterBody), nextCursor: page.value.nextCursor }, 200);
  });

  router.openapi(getDeadLetterRoute, async (c) => {
    const found = await useCases.getDeadLetter.execute(c.req.valid('param').id);
    // It holds personal data: no cache along the way keeps a copy.
    return found.ok
      ? c.json(deadLetterDetailBody(found.value), 200, { 'Cache-Control': 'no-store' })
      : crmProblem(c, found.error);
  });

  router.openapi(retryDeadLetterRoute, async (c) => {
    const requeued = await useCases.retryDeadLetter.execute(c.req.valid('param').id);
    if (!requeued.ok) return crmProblem(c, requeued.error);
    return c.json(requeuedBody(requeued.value), 202);
  });

  router.openapi(discardDeadLetterRoute, async (c) => {
    const discarded = await useCases.discardDeadLetter.execute(c.req.valid('param').id);
    return discarded.ok ? c.json(deadLetterBody(discarded.value), 200) : crmProblem(c, discarded.error);
  });

  return router;
};
