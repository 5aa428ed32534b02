import type { User } from '../../domain/organisation/organisation.ts';
import {
  type InvalidWorkingHours,
  parseWorkingHours,
  type Weekday,
  type WrittenSpan,
} from '../../domain/organisation/working-hours.ts';
import type { UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import type { UserNotFound } from './issue-api-key.ts';

export type SetWorkingHoursInput = {
  readonly userId: UserId;
  /** Each day's spans, `HH:MM` on Bogotá's clock; `null` puts the user back on the desk's hours. */
  readonly workingHours: { readonly [D in Weekday]: readonly WrittenSpan[] } | null;
};

export type SetWorkingHoursError = UserNotFound | InvalidWorkingHours;

/**
 * Gives a user their own weekly schedule (an admin's call), which their appointments must then fit; appointments
 * already booked are kept as they are.
 */
export class SetWorkingHours {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: SetWorkingHoursInput): Promise<Result<User, SetWorkingHoursError>> {
    const parsed = input.workingHours === null ? ok(null) : parseWorkingHours(input.workingHours);
    if (!parsed.ok) return parsed;
    const { userId } = input;
    return this.uow.transaction(async (repos): Promise<Result<User, SetWorkingHoursError>> => {
      const user = await repos.organisation.user(userId);
      if (user === null) return err({ type: 'UserNotFound', userId });
      const { workingHours: _previous, ...rest } = user;
      const saved: User = parsed.value === null ? rest : { ...rest, workingHours: parsed.value };
      await repos.organisation.saveUser(saved);
      return ok(saved);
    });
  }
}
