import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { NodeApiKeySecrets } from '../../adapters/security/node-api-key-secrets.ts';
import type { Actor } from '../../application/ports/actor.ts';
import { AuthenticateApiKey } from '../../application/use-cases/authenticate-api-key.ts';
import { DeactivateUser } from '../../application/use-cases/deactivate-user.ts';
import { IssueApiKey } from '../../application/use-cases/issue-api-key.ts';
import { ListApiKeys } from '../../application/use-cases/list-api-keys.ts';
import { ReactivateUser } from '../../application/use-cases/reactivate-user.ts';
import { RevokeApiKey } from '../../application/use-cases/revoke-api-key.ts';
import type { User } from '../../domain/organisation/organisation.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { aUser } from '../builders/user-builder.ts';
import { unitOfWorkOver } from '../support/unit-of-work.ts';

const T0 = Date.UTC(2026, 10, 24, 15);
const ADMIN_KEY = 'bootstrap-admin-key-for-user-access-tests';
const BOOTSTRAP: Actor = { kind: 'bootstrap-admin', role: 'admin' };
const as = (user: User): Actor => ({ kind: 'user', userId: user.id, role: user.role });
const refused = { ok: false, error: { type: 'Unauthenticated' } };

const setup = async (users: readonly User[]) => {
  const events = new InMemoryEventPublisher();
  const uow = unitOfWorkOver(new InMemoryUnitOfWork(new InMemoryStore()), events);
  const clock = new FixedClock(T0);
  const secrets = new NodeApiKeySecrets();
  await uow.transaction(async (repos) => {
    for (const user of users) await repos.organisation.saveUser(user);
  });
  const issue = new IssueApiKey(uow, clock, new SequentialIdGenerator(), secrets);
  return {
    uow,
    clock,
    events,
    authenticate: new AuthenticateApiKey(uow, secrets, clock, ADMIN_KEY),
    revoke: new RevokeApiKey(uow, clock),
    list: new ListApiKeys(uow),
    deactivate: new DeactivateUser(uow),
    reactivate: new ReactivateUser(uow),
    issued: async (userId: UserId, label = 'CRM') => {
      const result = await issue.execute({ userId, label });
      if (!result.ok) throw new Error(`issue failed: ${result.error.type}`);
      return result.value;
    },
  };
};

describe("a user's API keys", () => {
  it('are listed for an admin, revoked ones included, oldest first, without the key or its digest', async () => {
    const laura = aUser().build();
    const admin = aUser().withRole('admin').build();
    const { list, issued, revoke, clock } = await setup([laura, admin]);
    const laptop = await issued(laura.id, 'Laura laptop');
    clock.advance(1_000);
    const phone = await issued(laura.id, 'Laura phone');
    await revoke.execute({ keyId: laptop.record.id });

    const listed = await list.execute({ actor: as(admin), userId: laura.id });
    expect(listed).toEqual({
      ok: true,
      value: [
        {
          id: laptop.record.id,
          userId: laura.id,
          label: 'Laura laptop',
          createdAt: T0,
          revokedAt: T0 + 1_000,
          lastUsedAt: null,
        },
        {
          id: phone.record.id,
          userId: laura.id,
          label: 'Laura phone',
          createdAt: T0 + 1_000,
          revokedAt: null,
          lastUsedAt: null,
        },
      ],
    });
    expect(JSON.stringify(listed)).not.toContain(laptop.key);
    expect(JSON.stringify(listed)).not.toContain(laptop.record.hash);
    expect((await list.execute({ actor: BOOTSTRAP, userId: laura.id })).ok).toBe(true);
  });

  it('are listed for their owner, whatever their role, but not for anyone else who is not an admin', async () => {
    const laura = aUser().build();
    const boss = aUser().withRole('manager').build();
    const { list, issued } = await setup([laura, boss]);
    await issued(laura.id);

    const own = await list.execute({ actor: as(laura), userId: laura.id });
    expect(own.ok && own.value.map((k) => k.userId)).toEqual([laura.id]);
    expect(await list.execute({ actor: as(boss), userId: boss.id })).toEqual({ ok: true, value: [] });
    expect(await list.execute({ actor: as(boss), userId: laura.id })).toEqual({
      ok: false,
      error: { type: 'ApiKeysNotAllowed', userId: laura.id },
    });
    expect(await list.execute({ actor: as(laura), userId: asId<UserId>('nobody') })).toEqual({
      ok: false,
      error: { type: 'ApiKeysNotAllowed', userId: 'nobody' },
    });
    expect(await list.execute({ actor: BOOTSTRAP, userId: asId<UserId>('nobody') })).toEqual({
      ok: false,
      error: { type: 'UserNotFound', userId: 'nobody' },
    });
  });

  it('record when they were last used, to the minute: the first use, then a use a minute or more later', async () => {
    const laura = aUser().build();
    const { list, issued, authenticate, clock } = await setup([laura]);
    const { key } = await issued(laura.id);
    const lastUsed = async () => {
      const listed = await list.execute({ actor: BOOTSTRAP, userId: laura.id });
      return listed.ok ? listed.value[0]?.lastUsedAt : 'not listed';
    };

    expect(await lastUsed()).toBeNull();
    clock.advance(5_000);
    await authenticate.execute({ key });
    expect(await lastUsed()).toBe(T0 + 5_000);
    clock.advance(59_999);
    await authenticate.execute({ key });
    expect(await lastUsed()).toBe(T0 + 5_000);
    clock.advance(1);
    await authenticate.execute({ key });
    expect(await lastUsed()).toBe(T0 + 65_000);
  });
});

describe('deactivating and reactivating a user', () => {
  it("stops the user's keys at once and tells the live streams, and reactivation brings them back", async () => {
    const laura = aUser().build();
    const admin = aUser().withRole('admin').build();
    const { issued, authenticate, deactivate, reactivate, revoke, events, uow } = await setup([laura, admin]);
    const live = await issued(laura.id);
    const revoked = await issued(laura.id);
    await revoke.execute({ keyId: revoked.record.id });
    expect((await authenticate.execute({ key: live.key })).ok).toBe(true);

    expect(await deactivate.execute({ actor: as(admin), userId: laura.id })).toEqual({
      ok: true,
      value: { ...laura, active: false },
    });
    expect(await authenticate.execute({ key: live.key })).toEqual(refused);
    expect(events.published).toEqual([{ type: 'user_deactivated', userId: laura.id }]);
    expect((await uow.transaction((r) => r.organisation.user(laura.id)))?.active).toBe(false);

    expect(await reactivate.execute({ userId: laura.id })).toEqual({ ok: true, value: laura });
    expect(await authenticate.execute({ key: live.key })).toEqual({
      ok: true,
      value: { kind: 'user', userId: laura.id, role: 'advisor' },
    });
    expect(await authenticate.execute({ key: revoked.key })).toEqual(refused);
  });

  it('is harmless twice, refuses unknown users, and an admin cannot deactivate themselves', async () => {
    const laura = aUser().build();
    const admin = aUser().withRole('admin').build();
    const { deactivate, reactivate, events } = await setup([laura, admin]);
    await deactivate.execute({ actor: BOOTSTRAP, userId: laura.id });
    expect(await deactivate.execute({ actor: BOOTSTRAP, userId: laura.id })).toEqual({
      ok: true,
      value: { ...laura, active: false },
    });
    expect(events.published).toHaveLength(1);
    expect(await reactivate.execute({ userId: admin.id })).toEqual({ ok: true, value: admin });

    const nobody = asId<UserId>('nobody');
    expect(await deactivate.execute({ actor: BOOTSTRAP, userId: nobody })).toEqual({
      ok: false,
      error: { type: 'UserNotFound', userId: 'nobody' },
    });
    expect(await reactivate.execute({ userId: nobody })).toEqual({
      ok: false,
      error: { type: 'UserNotFound', userId: 'nobody' },
    });
    expect(await deactivate.execute({ actor: as(admin), userId: admin.id })).toEqual({
      ok: false,
      error: { type: 'CannotDeactivateSelf', userId: admin.id },
    });
  });
});
