import { describe, expect, it } from 'vitest';
import type { ApiKeyId, ApiKeyRecord } from '../../application/ports/api-key-repository.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { aUser } from '../builders/user-builder.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

const aKey = (id: string, userId: UserId, overrides: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  id: asId<ApiKeyId>(id),
  userId,
  hash: `hash-of-${id}`,
  label: `key ${id}`,
  createdAt: 1_000,
  revokedAt: null,
  lastUsedAt: null,
  ...overrides,
});

export const apiKeyRepositoryContract = (name: string, open: OpenSubject) =>
  describe(`${name}: ApiKeyRepository`, () => {
    const subject = useSubject(open);
    const keys = () => subject().repos.apiKeys;
    const storedUser = async () => {
      const user = aUser().build();
      await subject().repos.organisation.saveUser(user);
      return user;
    };

    it('returns null for an unknown hash or id', async () => {
      expect(await keys().byHash('nothing')).toBeNull();
      expect(await keys().byId(asId<ApiKeyId>('nothing'))).toBeNull();
    });

    it('finds a saved key by its hash and id, and a later save (revocation) replaces it', async () => {
      const user = await storedUser();
      const key = aKey('key-1', user.id);
      await keys().save(key);
      expect(await keys().byHash(key.hash)).toEqual(key);
      expect(await keys().byId(key.id)).toEqual(key);

      const revoked = { ...key, revokedAt: 5_000 };
      await keys().save(revoked);
      expect(await keys().byHash(key.hash)).toEqual(revoked);
    });

    it("lists a user's keys oldest first, and no one else's", async () => {
      const user = await storedUser();
      const other = await storedUser();
      const later = aKey('key-b', user.id, { createdAt: 2_000 });
      const earlier = aKey('key-a', user.id, { createdAt: 1_000, revokedAt: 3_000 });
      await keys().save(later);
      await keys().save(aKey('key-c', other.id));
      await keys().save(earlier);
      expect(await keys().byUser(user.id)).toEqual([earlier, later]);
      expect(await keys().byUser(asId<UserId>('nobody'))).toEqual([]);
    });

    it('records a use only when the last one is not after the time given: one conditional write, at most once a minute', async () => {
      const user = await storedUser();
      const key = aKey('key-1', user.id);
      await keys().save(key);
      await keys().markUsed(key.id, 10_000, 10_000 - 60_000);
      expect((await keys().byId(key.id))?.lastUsedAt).toBe(10_000);
      await keys().markUsed(key.id, 40_000, 40_000 - 60_000);
      expect((await keys().byId(key.id))?.lastUsedAt).toBe(10_000);
      await keys().markUsed(key.id, 70_001, 70_001 - 60_000);
      expect((await keys().byHash(key.hash))?.lastUsedAt).toBe(70_001);
      await keys().markUsed(asId<ApiKeyId>('nothing'), 80_000, 20_000);
      expect(await keys().byId(asId<ApiKeyId>('nothing'))).toBeNull();
    });

    it('keeps the last use when a record read earlier is saved again (a revocation racing a request)', async () => {
      const user = await storedUser();
      const key = aKey('key-1', user.id);
      await keys().save(key);
      await keys().markUsed(key.id, 10_000, 0);
      await keys().save({ ...key, revokedAt: 20_000 });
      expect(await keys().byId(key.id)).toEqual({ ...key, revokedAt: 20_000, lastUsedAt: 10_000 });
    });

    it('refuses a second key with the same hash', async () => {
      const user = await storedUser();
      await keys().save(aKey('key-1', user.id, { hash: 'same' }));
      await expect(keys().save(aKey('key-2', user.id, { hash: 'same' }))).rejects.toThrow();
    });
  });
