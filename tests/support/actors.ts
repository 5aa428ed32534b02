import type { Actor } from '../../application/ports/actor.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';

const ROLES: Readonly<Record<string, Actor['role']>> = { 'u-jorge': 'manager' };

/** The actor a test names: `admin` is the bootstrap key; u-jorge is a manager; other users are advisors. */
export const actorNamed = (name: string): Actor =>
  name === 'admin'
    ? { kind: 'bootstrap-admin', role: 'admin' }
    : { kind: 'user', userId: asId<UserId>(name), role: ROLES[name] ?? 'advisor' };
