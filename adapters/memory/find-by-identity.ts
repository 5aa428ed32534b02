import type { WaIdentity } from '../../domain/lead/lead.ts';

/**
 * The first item with the identity's WhatsApp user id, else the first with its phone: a user id is
 * the stronger key, since a phone may change hands or be hidden behind a username.
 */
export const findByIdentity = <T>(
  items: readonly T[],
  identity: WaIdentity,
  identityOf: (item: T) => WaIdentity,
): T | null => {
  const byUser = identity.userId === null ? undefined : items.find((i) => identityOf(i).userId === identity.userId);
  if (byUser !== undefined) return byUser;
  const byPhone = identity.phone === null ? undefined : items.find((i) => identityOf(i).phone === identity.phone);
  return byPhone ?? null;
};
