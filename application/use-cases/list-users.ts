import type { User } from '../../domain/organisation/organisation.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** Every user, in the order they were stored. */
export class ListUsers {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<User[]> {
    return this.uow.transaction((repos) => repos.organisation.users());
  }
}
