import { z } from '@hono/zod-openapi';
import type { ApiKeySummary } from '../../../application/ports/api-key-repository.ts';
import type { Actor } from '../../../application/ports/actor.ts';
import type { User } from '../../../domain/organisation/organisation.ts';

export const RoleSchema = z.enum(['advisor', 'manager', 'admin']).openapi('Role', { example: 'advisor' });

export const UserSchema = z
  .object({
    id: z.string().openapi({ example: 'user_7' }),
    name: z.string().openapi({ example: 'Laura Pérez' }),
    email: z.string().nullable().openapi({ example: 'laura@example.com' }),
    role: RoleSchema,
    active: z.boolean().openapi({ example: true }),
  })
  .openapi('User');

export const NewUserSchema = z
  .object({
    name: z.string().min(1).max(200).openapi({ example: 'Laura Pérez' }),
    email: z.string().max(254).nullable().default(null).openapi({ example: 'laura@example.com' }),
    role: RoleSchema,
  })
  .openapi('NewUser');

export const ApiKeySchema = z
  .object({
    id: z.string().openapi({ example: 'key_3' }),
    userId: z.string().openapi({ example: 'user_7' }),
    label: z.string().openapi({ example: 'CRM production' }),
    createdAt: z.string().openapi({ format: 'date-time', example: '2026-11-24T15:00:00.000Z' }),
    revokedAt: z.string().nullable().openapi({ format: 'date-time', example: null }),
    lastUsedAt: z.string().nullable().openapi({
      format: 'date-time',
      description: 'When the key last authenticated a request, to the minute; null if it never has.',
      example: '2026-11-24T15:42:00.000Z',
    }),
  })
  .openapi('ApiKey');

export const NewApiKeySchema = z
  .object({ label: z.string().trim().min(1).max(100).openapi({ example: 'CRM production' }) })
  .openapi('NewApiKey');

export const IssuedApiKeySchema = z
  .object({
    key: z.string().openapi({
      description: 'The key itself. Shown only in this answer: store it now, it cannot be read again.',
      example: 'ld_q3Zx0c2l8m1wHkqQ1b6yN0oV1Ti2Xh7fVd3u9gJfKcA',
    }),
    apiKey: ApiKeySchema,
  })
  .openapi('IssuedApiKey');

export const MeSchema = z
  .object({
    kind: z.enum(['user', 'bootstrap-admin']).openapi({ example: 'user' }),
    role: RoleSchema,
    userId: z.string().nullable().openapi({ description: 'Null for the bootstrap admin key.', example: 'user_7' }),
  })
  .openapi('Me');

const iso = (at: number): string => new Date(at).toISOString();

export const userBody = (user: User): z.infer<typeof UserSchema> => ({ ...user });

const isoOrNull = (at: number | null): string | null => (at === null ? null : iso(at));

/** Never the hash: a summary is all a client sees of a key after it is issued. */
export const apiKeyBody = (key: ApiKeySummary): z.infer<typeof ApiKeySchema> => ({
  id: key.id,
  userId: key.userId,
  label: key.label,
  createdAt: iso(key.createdAt),
  revokedAt: isoOrNull(key.revokedAt),
  lastUsedAt: isoOrNull(key.lastUsedAt),
});

export const meBody = (actor: Actor): z.infer<typeof MeSchema> =>
  actor.kind === 'user'
    ? { kind: 'user', role: actor.role, userId: actor.userId }
    : { kind: 'bootstrap-admin', role: 'admin', userId: null };
