import type { Role } from '../../domain/organisation/organisation.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';

/**
 * Who is calling the CRM API: a user with a role, authenticated by an API key. The bootstrap admin key
 * (CRM_ADMIN_API_KEY) acts as an admin with no user behind it.
 */
export type Actor =
  | { readonly kind: 'user'; readonly userId: UserId; readonly role: Role }
  | { readonly kind: 'bootstrap-admin'; readonly role: 'admin' };

/** Managers and admins see every lead; an advisor only the leads assigned to them. */
export const seesAllLeads = (actor: Actor): boolean => actor.role !== 'advisor';

/** Who signs what an actor sends: the user, or a pseudo-user for the bootstrap admin key (no user behind it). */
export const authorOf = (actor: Actor): UserId =>
  actor.kind === 'user' ? actor.userId : asId<UserId>('bootstrap-admin');
