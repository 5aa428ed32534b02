import { z } from '@hono/zod-openapi';
import type { ApiKeySummary } from '../../../application/ports/api-key-repository.ts';
import type { Actor } from '../../../application/ports/actor.ts';
import type { User } from '../../../domain/organisation/organisation.ts';
import { type Weekday, type WorkingHours, writtenWorkingHours } from '../../../domain/organisation/working-hours.ts';

export const RoleSchema = z.enum(['advisor', 'manager', 'admin']).openapi('Role', { example: 'advisor' });

const SpanSchema = z
  .object({
    opens: z.string().openapi({ example: '08:00', description: 'HH:MM, Bogotá time' }),
    closes: z.string().openapi({ example: '18:00', description: 'HH:MM, Bogotá time (24:00: midnight)' }),
  })
  .openapi('OpeningSpan');
const day = z.array(SpanSchema).max(4);

export const WorkingHoursSchema = z
  .object({
    monday: day,
    tuesday: day,
    wednesday: day,
    thursday: day,
    friday: day,
    saturday: day,
    sunday: day,
  })
  .openapi('WorkingHours', {
    description:
      'A weekly schedule on Bogotá’s clock: each day’s opening spans (an empty list: closed that day). ' +
      'Colombian public holidays are always closed. Appointments must fit inside one span.',
    example: {
      monday: [
        { opens: '08:00', closes: '12:00' },
        { opens: '14:00', closes: '18:00' },
      ],
      tuesday: [{ opens: '08:00', closes: '18:00' }],
      wednesday: [{ opens: '08:00', closes: '18:00' }],
      thursday: [{ opens: '08:00', closes: '18:00' }],
      friday: [{ opens: '08:00', closes: '18:00' }],
      saturday: [{ opens: '09:00', closes: '13:00' }],
      sunday: [],
    },
  });

export const UserSchema = z
  .object({
    id: z.string().openapi({ example: 'user_7' }),
    name: z.string().openapi({ example: 'Laura Pérez' }),
    email: z.string().nullable().openapi({ example: 'laura@example.com' }),
    role: RoleSchema,
    active: z.boolean().openapi({ example: true }),
    workingHours: WorkingHoursSchema.nullable().openapi({
      description:
        'The user’s own schedule; null: the desk’s (Monday to Friday 08:00–18:00, Saturday 08:00–13:00, Sunday closed).',
    }),
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

export const userBody = (user: User): z.infer<typeof UserSchema> => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  active: user.active,
  workingHours: user.workingHours === undefined ? null : workingHoursBody(user.workingHours),
});

const workingHoursBody = (hours: WorkingHours): z.infer<typeof WorkingHoursSchema> => {
  const week = writtenWorkingHours(hours);
  const day = (d: Weekday) => week[d].map((s) => ({ ...s }));
  return {
    monday: day('monday'),
    tuesday: day('tuesday'),
    wednesday: day('wednesday'),
    thursday: day('thursday'),
    friday: day('friday'),
    saturday: day('saturday'),
    sunday: day('sunday'),
  };
};

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
