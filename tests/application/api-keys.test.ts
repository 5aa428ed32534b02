import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { NodeApiKeySecrets } from '../../adapters/security/node-api-key-secrets.ts';
import type { ApiKeyId } from '../../application/ports/api-key-repository.ts';
import { AuthenticateApiKey } from '../../application/use-cases/authenticate-api-key.ts';
import { IssueApiKey } from '../../application/use-cases/issue-api-key.ts';
import { RevokeApiKey } from '../../application/use-cases/revoke-api-key.ts';
import type { User } from '../../domain/organisation/organisation.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { aUser } from '../builders/user-builder.ts';
import { unitOfWorkOver } from '../support/unit-of-work.ts';

const T0 = Date.UTC(2026, 10, 24, 15);
const ADMIN_KEY = 'bootstrap-admin-key-for-api-key-tests-0123';

const setup = async (users: readonly User[] = [], adminKey: string | null = ADMIN_KEY) => {
  const uow = unitOfWorkOver(new InMemoryUnitOfWork(new InMemoryStore()));
  const clock = new FixedClock(T0);
  const secrets = new NodeApiKeySecrets();
  await uow.transaction(async (repos) => {
    for (const user of users) await repos.organisation.saveUser(user);
  });
  return {
    uow,
    clock,
    secrets,
    authenticate: new AuthenticateApiKey(uow, secrets, clock, adminKey),
    issue: new IssueApiKey(uow, clock, new SequentialIdGenerator(), secrets),
    revoke: new RevokeApiKey(uow, clock),
  };
};

const issued = async (issue: IssueApiKey, userId: UserId) => {
  const result = await issue.execute({ userId, label: ' CRM ' });
  if (!result.ok) throw new Error(`issue failed: ${result.error.type}`);
  return result.value;
};

describe('API keys', () => {
  it('issues a readable, random key once and stores only its digest', async () => {
    const user = aUser().build();
    const { issue, uow, secrets } = await setup([user]);
    const first = await issued(issue, user.id);
    const second = await issued(issue, user.id);

    expect(first.key).toMatch(/^ld_[A-Za-z0-9_-]{43}$/);
    expect(second.key).not.toBe(first.key);
    expect(first.record).toEqual({
      id: 'key_1',
      userId: user.id,
      hash: secrets.hash(first.key),
      label: 'CRM',
      createdAt: T0,
      revokedAt: null,
      lastUsedAt: null,
    });
    const stored = await uow.transaction((r) => r.apiKeys.byUser(user.id));
    expect(JSON.stringify(stored)).not.toContain(first.key);
    expect(stored.map((k) => k.hash)).toEqual([secrets.hash(first.key), secrets.hash(second.key)]);
  });

  it('refuses keys for unknown or inactive users', async () => {
    const inactive = aUser().inactive().build();
    const { issue } = await setup([inactive]);
    expect(await issue.execute({ userId: asId<UserId>('nobody'), label: 'x' })).toEqual({
      ok: false,
      error: { type: 'UserNotFound', userId: 'nobody' },
    });
    expect(await issue.execute({ userId: inactive.id, label: 'x' })).toEqual({
      ok: false,
      error: { type: 'UserInactive', userId: inactive.id },
    });
  });

  it('authenticates a user key as that user, with their role', async () => {
    const manager = aUser().withRole('manager').build();
    const { issue, authenticate } = await setup([manager]);
    const { key } = await issued(issue, manager.id);
    expect(await authenticate.execute({ key })).toEqual({
      ok: true,
      value: { kind: 'user', userId: manager.id, role: 'manager' },
    });
  });

  it('authenticates the bootstrap admin key, and nothing when none is configured', async () => {
    const { authenticate } = await setup();
    expect(await authenticate.execute({ key: ADMIN_KEY })).toEqual({
      ok: true,
      value: { kind: 'bootstrap-admin', role: 'admin' },
    });
    const none = await setup([], null);
    expect(await none.authenticate.execute({ key: ADMIN_KEY })).toEqual({
      ok: false,
      error: { type: 'Unauthenticated' },
    });
    expect(await none.authenticate.execute({ key: '' })).toEqual({ ok: false, error: { type: 'Unauthenticated' } });
  });

  it('refuses unknown keys, revoked keys and keys of users made inactive', async () => {
    const user = aUser().build();
    const { issue, revoke, authenticate, uow, clock } = await setup([user]);
    const refused = { ok: false, error: { type: 'Unauthenticated' } };
    expect(await authenticate.execute({ key: 'ld_made-up' })).toEqual(refused);

    const revoked = await issued(issue, user.id);
    clock.advance(60_000);
    expect(await revoke.execute({ keyId: revoked.record.id })).toEqual({
      ok: true,
      value: { ...revoked.record, revokedAt: T0 + 60_000 },
    });
    expect(await authenticate.execute({ key: revoked.key })).toEqual(refused);

    const live = await issued(issue, user.id);
    await uow.transaction((r) => r.organisation.saveUser({ ...user, active: false }));
    expect(await authenticate.execute({ key: live.key })).toEqual(refused);
  });

  it('keeps the first revocation time, and reports unknown keys', async () => {
    const user = aUser().build();
    const { issue, revoke, clock } = await setup([user]);
    const { record } = await issued(issue, user.id);
    await revoke.execute({ keyId: record.id });
    clock.advance(1_000);
    expect(await revoke.execute({ keyId: record.id })).toEqual({ ok: true, value: { ...record, revokedAt: T0 } });
    expect(await revoke.execute({ keyId: asId<ApiKeyId>('key_x') })).toEqual({
      ok: false,
      error: { type: 'ApiKeyNotFound', keyId: 'key_x' },
    });
  });
});
