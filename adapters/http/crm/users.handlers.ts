import type { ApiKeyId } from '../../../application/ports/api-key-repository.ts';
import type { CreateUser } from '../../../application/use-cases/create-user.ts';
import type { DeactivateUser } from '../../../application/use-cases/deactivate-user.ts';
import type { IssueApiKey } from '../../../application/use-cases/issue-api-key.ts';
import type { ListApiKeys } from '../../../application/use-cases/list-api-keys.ts';
import type { ListUsers } from '../../../application/use-cases/list-users.ts';
import type { ReactivateUser } from '../../../application/use-cases/reactivate-user.ts';
import type { RevokeApiKey } from '../../../application/use-cases/revoke-api-key.ts';
import type { SetWorkingHours } from '../../../application/use-cases/set-working-hours.ts';
import { asId, type UserId } from '../../../domain/shared/ids.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import type * as routes from './users.routes.ts';
import { apiKeyBody, meBody, userBody } from './users.schemas.ts';

/** What the user routes need: their use cases. */
export type UsersDeps = {
  readonly listUsers: Pick<ListUsers, 'execute'>;
  readonly createUser: Pick<CreateUser, 'execute'>;
  readonly issueApiKey: Pick<IssueApiKey, 'execute'>;
  readonly revokeApiKey: Pick<RevokeApiKey, 'execute'>;
  readonly listApiKeys: Pick<ListApiKeys, 'execute'>;
  readonly deactivateUser: Pick<DeactivateUser, 'execute'>;
  readonly reactivateUser: Pick<ReactivateUser, 'execute'>;
  readonly setWorkingHours: Pick<SetWorkingHours, 'execute'>;
};

export const me: CrmHandler<typeof routes.meRoute> = (c) => c.json(meBody(c.get('actor')), 200);

export const listUsers =
  (deps: UsersDeps): CrmHandler<typeof routes.listUsersRoute> =>
  async (c) =>
    c.json({ users: (await deps.listUsers.execute()).map(userBody) }, 200);

export const createUser =
  (deps: UsersDeps): CrmHandler<typeof routes.createUserRoute> =>
  async (c) => {
    const result = await deps.createUser.execute(c.req.valid('json'));
    return result.ok ? c.json(userBody(result.value), 201) : crmProblem(c, result.error);
  };

export const issueApiKey =
  (deps: UsersDeps): CrmHandler<typeof routes.issueApiKeyRoute> =>
  async (c) => {
    const { id } = c.req.valid('param');
    const result = await deps.issueApiKey.execute({ userId: asId<UserId>(id), label: c.req.valid('json').label });
    if (!result.ok) return crmProblem(c, result.error);
    return c.json({ key: result.value.key, apiKey: apiKeyBody(result.value.record) }, 201, {
      'Cache-Control': 'no-store',
    });
  };

export const listApiKeys =
  (deps: UsersDeps): CrmHandler<typeof routes.listApiKeysRoute> =>
  async (c) => {
    const result = await deps.listApiKeys.execute({
      actor: c.get('actor'),
      userId: asId<UserId>(c.req.valid('param').id),
    });
    if (!result.ok) return crmProblem(c, result.error);
    return c.json({ apiKeys: result.value.map(apiKeyBody) }, 200, { 'Cache-Control': 'no-store' });
  };

export const deactivateUser =
  (deps: UsersDeps): CrmHandler<typeof routes.deactivateUserRoute> =>
  async (c) => {
    const result = await deps.deactivateUser.execute({
      actor: c.get('actor'),
      userId: asId<UserId>(c.req.valid('param').id),
    });
    return result.ok ? c.json(userBody(result.value), 200) : crmProblem(c, result.error);
  };

export const reactivateUser =
  (deps: UsersDeps): CrmHandler<typeof routes.reactivateUserRoute> =>
  async (c) => {
    const result = await deps.reactivateUser.execute({ userId: asId<UserId>(c.req.valid('param').id) });
    return result.ok ? c.json(userBody(result.value), 200) : crmProblem(c, result.error);
  };

export const revokeApiKey =
  (deps: UsersDeps): CrmHandler<typeof routes.revokeApiKeyRoute> =>
  async (c) => {
    const result = await deps.revokeApiKey.execute({ keyId: asId<ApiKeyId>(c.req.valid('param').id) });
    return result.ok ? c.json(apiKeyBody(result.value), 200) : crmProblem(c, result.error);
  };

export const setWorkingHours =
  (deps: UsersDeps): CrmHandler<typeof routes.setWorkingHoursRoute> =>
  async (c) => {
    const userId = asId<UserId>(c.req.valid('param').id);
    const result = await deps.setWorkingHours.execute({ userId, workingHours: c.req.valid('json') });
    return result.ok ? c.json(userBody(result.value), 200) : crmProblem(c, result.error);
  };

export const clearWorkingHours =
  (deps: UsersDeps): CrmHandler<typeof routes.clearWorkingHoursRoute> =>
  async (c) => {
    const userId = asId<UserId>(c.req.valid('param').id);
    const result = await deps.setWorkingHours.execute({ userId, workingHours: null });
    return result.ok ? c.json(userBody(result.value), 200) : crmProblem(c, result.error);
  };
