import type { Role, User } from '../../domain/organisation/organisation.ts';
import type { WorkingHours } from '../../domain/organisation/working-hours.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { nextId } from './next-id.ts';

/** Defaults to an active advisor. */
export class UserBuilder {
  #user: User = {
    id: nextId<UserId>('user'),
    name: 'Laura Pérez',
    email: 'laura@example.com',
    role: 'advisor',
    active: true,
  };

  withId(id: string): this {
    return this.#set({ id: asId<UserId>(id) });
  }

  withName(name: string): this {
    return this.#set({ name });
  }

  withEmail(email: string | null): this {
    return this.#set({ email });
  }

  withRole(role: Role): this {
    return this.#set({ role });
  }

  /** Their own weekly schedule instead of the desk's. */
  workingHours(workingHours: WorkingHours): this {
    return this.#set({ workingHours });
  }

  inactive(): this {
    return this.#set({ active: false });
  }

  build(): User {
    return this.#user;
  }

  #set(patch: Partial<User>): this {
    this.#user = { ...this.#user, ...patch };
    return this;
  }
}

export const aUser = (): UserBuilder => new UserBuilder();
