import type { ApiKeyId } from '../../../application/ports/api-key-repository.ts';
import type { CreateUser } from '../../../application/use-cases/create-user.ts';
import type { IssueApiKey } from '../../../application/use-cases/issue-api-key.ts';
import type { ListUsers } from '../../../application/use-cases/list-users.ts';
import type { RevokeApiKey } from '../../../application/use-cases/revoke-api-key.ts';
import type { DeactivateUser } from '../../../application/use-cases/deactivate-user.ts';
import type { ListApiKeys } from '../../../application/use-cases/list-api-keys.ts';
import type { ReactivateUser } from '../../../application/use-cases/reactivate-user.ts';
import { asId, type UserId } from '../../../domain/shared/ids.ts';
import { createCrmRouter, type CrmRouter } from './crm-router.ts';
import { crmProblem } from './crm-problem.ts';
import {
  createUserRoute,
  deactivateUserRoute,
  issueApiKeyRoute,
  listApiKeysRoute,
  listUsersRoute,
  meRoute,
  reactivateUserRoute,
  revokeApiKeyRoute,
} from './users.routes.ts';
import { apiKeyBody, meBody, userBody } from './users.schemas.ts';

export type UserUseCases = {
  readonly listUsers: Pick<ListUsers, 'execute'>;
  readonly createUser: Pick<CreateUser, 'execute'>;
  readonly issueApiKey: Pick<IssueApiKey, 'execute'>;
  readonly revokeApiKey: Pick<RevokeApiKey, 'execute'>;
  readonly listApiKeys: Pick<ListApiKeys, 'execute'>;
  readonly deactivateUser: Pick<DeactivateUser, 'execute'>;
  readonly reactivateUser: Pick<ReactivateUser, 'execute'>;
};

/** `/me`, users (and their deactivation) and their API keys. */
export const usersRouter = (useCases: UserUseCases): CrmRouter => {
  const router = createCrmRouter();

  router.openapi(meRoute, (c) => c.json(meBody(c.get('actor')), 200));

  router.openapi(listUsersRoute, async (c) =>
    c.json({ users: (await useCases.listUsers.execute()).map(userBody) }, 200),
  );

  router.openapi(createUserRoute, async (c) => {
    const result = await useCases.createUser.execute(c.req.valid('json'));
    return result.ok ? c.json(userBody(result.value), 201) : crmProblem(c, result.error);
  });

  router.openapi(issueApiKeyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const result = await useCases.issueApiKey.execute({ userId: asId<UserId>(id), label: c.req.valid('json').label });
    if (!result.ok) return crmProblem(c, result.error);
    return c.json({ key: result.value.key, apiKey: apiKeyBody(result.value.record) }, 201, {
      'Cache-Control': 'no-store',
    });
  });

  router.openapi(listApiKeysRoute, async (c) => {
    const result = await useCases.listApiKeys.execute({
      actor: c.get('actor'),
      userId: asId<UserId>(c.req.valid('param').id),
    });
    if (!result.ok) return crmProblem(c, result.error);
    return c.json({ apiKeys: result.value.map(apiKeyBody) }, 200, { 'Cache-Control': 'no-store' });
  });

  router.openapi(deactivateUserRoute, async (c) => {
    const result = await useCases.deactivateUser.execute({
      actor: c.get('actor'),
      userId: asId<UserId>(c.req.valid('param').id),
    });
    return result.ok ? c.json(userBody(result.value), 200) : crmProblem(c, result.error);
  });

  router.openapi(reactivateUserRoute, async (c) => {
    const result = await useCases.reactivateUser.execute({ userId: asId<UserId>(c.req.valid('param').id) });
    return result.ok ? c.json(userBody(result.value), 200) : crmProblem(c, result.error);
  });

  router.openapi(revokeApiKeyRoute, async (c) => {
    const result = await useCases.revokeApiKey.execute({ keyId: asId<ApiKeyId>(c.req.valid('param').id) });
    return result.ok ? c.json(apiKeyBody(result.value), 200) : crmProblem(c, result.error);
  });

  return router;
};
