import { parseEmail, type InvalidEmail } from '../../domain/contact/email.ts';
import type { Role, User } from '../../domain/organisation/organisation.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type CreateUserInput = {
  readonly name: string;
  readonly email: string | null;
  readonly role: Role;
};

export type InvalidUserName = { readonly type: 'InvalidUserName'; readonly name: string };
export type EmailAlreadyUsed = { readonly type: 'EmailAlreadyUsed'; readonly email: string };
export type CreateUserError = InvalidUserName | InvalidEmail | EmailAlreadyUsed;

const MAX_NAME = 200;

/** Adds an active user (advisor, manager or admin). E-mail addresses, when given, are unique. */
export class CreateUser {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: CreateUserInput): Promise<Result<User, CreateUserError>> {
    const name = input.name.trim();
    if (name === '' || name.length > MAX_NAME) return err({ type: 'InvalidUserName', name: input.name });
    let email: string | null = null;
    if (input.email !== null) {
      const parsed = parseEmail(input.email);
      if (!parsed.ok) return parsed;
      email = parsed.value;
    }
    return this.uow.transaction(async (repos) => {
      if (email !== null) {
        const taken = (await repos.organisation.users()).some((u) => u.email?.toLowerCase() === email.toLowerCase());
        if (taken) return err({ type: 'EmailAlreadyUsed' as const, email });
      }
      const user: User = { id: this.ids.next('user'), name, email, role: input.role, active: true };
      await repos.organisation.saveUser(user);
      return ok(user);
    });
  }
}
