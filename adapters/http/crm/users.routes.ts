import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from './crm-auth.ts';
import { authResponses, problemResponse, roleResponses } from './crm-responses.ts';
import {
  ApiKeySchema,
  IssuedApiKeySchema,
  MeSchema,
  NewApiKeySchema,
  NewUserSchema,
  UserSchema,
  WorkingHoursSchema,
} from './users.schemas.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });

export const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Users'],
  summary: 'Who the API key belongs to',
  responses: { 200: { description: 'The caller', content: json(MeSchema) }, ...authResponses },
});

export const listUsersRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Users'],
  summary: 'List users (managers and admins)',
  middleware: [requireRole('manager', 'admin')] as const,
  responses: {
    200: { description: 'Every user, oldest first', content: json(z.object({ users: z.array(UserSchema) })) },
    ...roleResponses,
  },
});

export const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags: ['Users'],
  summary: 'Create a user (admins)',
  middleware: [requireRole('admin')] as const,
  request: { body: { required: true, content: json(NewUserSchema) } },
  responses: {
    201: { description: 'The new, active user', content: json(UserSchema) },
    ...roleResponses,
    409: problemResponse('Another user has this e-mail address (`email_already_used`).'),
    422: problemResponse('Invalid body (`validation_failed`, `invalid_user_name`, `invalid_email`).'),
  },
});

const UserIdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'user_7' }),
});
const KeyIdParam = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'key_3' }),
});

export const issueApiKeyRoute = createRoute({
  method: 'post',
  path: '/users/{id}/api-keys',
  tags: ['API keys'],
  summary: 'Issue an API key for a user (admins); the key is shown once',
  middleware: [requireRole('admin')] as const,
  request: { params: UserIdParam, body: { required: true, content: json(NewApiKeySchema) } },
  responses: {
    201: { description: 'The key, shown only now, and its stored record', content: json(IssuedApiKeySchema) },
    ...roleResponses,
    404: problemResponse('No such user (`user_not_found`).'),
    409: problemResponse('The user is inactive (`user_inactive`).'),
    422: problemResponse('Invalid body (`validation_failed`).'),
  },
});

export const listApiKeysRoute = createRoute({
  method: 'get',
  path: '/users/{id}/api-keys',
  tags: ['API keys'],
  summary: "List a user's API keys (admins, or the user themself): never the key itself",
  request: { params: UserIdParam },
  responses: {
    200: {
      description: 'Every key of the user, revoked ones included, oldest first',
      content: json(z.object({ apiKeys: z.array(ApiKeySchema) })),
    },
    ...authResponses,
    403: problemResponse("Only admins list other users' keys (`forbidden`)."),
    404: problemResponse('No such user (`user_not_found`).'),
  },
});

const userActivation = (
  action: 'deactivate' | 'reactivate',
  summary: string,
  extra: Record<number, ReturnType<typeof problemResponse>>,
) =>
  createRoute({
    method: 'post',
    path: `/users/{id}/${action}`,
    tags: ['Users'],
    summary,
    middleware: [requireRole('admin')] as const,
    request: { params: UserIdParam },
    responses: {
      200: { description: 'The user, as now stored', content: json(UserSchema) },
      ...roleResponses,
      404: problemResponse('No such user (`user_not_found`).'),
      ...extra,
    },
  });

export const deactivateUserRoute = userActivation(
  'deactivate',
  'Deactivate a user (admins): their keys stop working at once, their event streams close, they get no new leads',
  { 409: problemResponse('An admin cannot deactivate themself (`cannot_deactivate_self`).') },
);

export const reactivateUserRoute = userActivation(
  'reactivate',
  'Reactivate a user (admins): their unrevoked keys work again',
  {},
);

export const revokeApiKeyRoute = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['API keys'],
  summary: 'Revoke an API key (admins); revoking twice is harmless',
  middleware: [requireRole('admin')] as const,
  request: { params: KeyIdParam },
  responses: {
    200: { description: 'The revoked key', content: json(ApiKeySchema) },
    ...roleResponses,
    404: problemResponse('No such key (`api_key_not_found`).'),
  },
});

export const setWorkingHoursRoute = createRoute({
  method: 'put',
  path: '/users/{id}/working-hours',
  tags: ['Users'],
  summary: 'Give a user their own weekly working hours (admins); their new appointments must fit them',
  middleware: [requireRole('admin')] as const,
  request: { params: UserIdParam, body: { required: true, content: json(WorkingHoursSchema) } },
  responses: {
    200: { description: 'The user, as now stored', content: json(UserSchema) },
    ...roleResponses,
    404: problemResponse('No such user (`user_not_found`).'),
    422: problemResponse('Invalid body (`validation_failed`, `invalid_working_hours` with the `day` and `reason`).'),
  },
});

export const clearWorkingHoursRoute = createRoute({
  method: 'delete',
  path: '/users/{id}/working-hours',
  tags: ['Users'],
  summary: 'Put a user back on the desk’s working hours (admins)',
  middleware: [requireRole('admin')] as const,
  request: { params: UserIdParam },
  responses: {
    200: { description: 'The user, as now stored', content: json(UserSchema) },
    ...roleResponses,
    404: problemResponse('No such user (`user_not_found`).'),
  },
});
