import { describe, expect, it } from 'vitest';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { CreateUser } from '../../application/use-cases/create-user.ts';
import { ListUsers } from '../../application/use-cases/list-users.ts';
import { unitOfWorkOver } from '../support/unit-of-work.ts';

const setup = () => {
  const uow = unitOfWorkOver(new InMemoryUnitOfWork(new InMemoryStore()));
  return { create: new CreateUser(uow, new SequentialIdGenerator()), list: new ListUsers(uow) };
};

describe('users', () => {
  it('creates active users, trimmed, with a normalised e-mail, listed in creation order', async () => {
    const { create, list } = setup();
    const laura = await create.execute({ name: ' Laura Pérez ', email: 'Laura@Example.COM', role: 'advisor' });
    const boss = await create.execute({ name: 'Ana Gómez', email: null, role: 'manager' });

    expect(laura).toEqual({
      ok: true,
      value: { id: 'user_1', name: 'Laura Pérez', email: 'Laura@example.com', role: 'advisor', active: true },
    });
    expect(boss.ok).toBe(true);
    expect((await list.execute()).map((u) => u.name)).toEqual(['Laura Pérez', 'Ana Gómez']);
  });

  it('refuses a blank name, a malformed e-mail and an e-mail already used, storing nothing', async () => {
    const { create, list } = setup();
    await create.execute({ name: 'Laura', email: 'laura@example.com', role: 'advisor' });

    expect(await create.execute({ name: '   ', email: null, role: 'advisor' })).toEqual({
      ok: false,
      error: { type: 'InvalidUserName', name: '   ' },
    });
    expect(await create.execute({ name: 'X', email: 'not-an-email', role: 'advisor' })).toEqual({
      ok: false,
      error: { type: 'InvalidEmail', input: 'not-an-email' },
    });
    expect(await create.execute({ name: 'Other', email: 'LAURA@example.com', role: 'admin' })).toEqual({
      ok: false,
      error: { type: 'EmailAlreadyUsed', email: 'LAURA@example.com' },
    });
    expect(await list.execute()).toHaveLength(1);
  });
});
