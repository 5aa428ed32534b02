import type { UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { DAY_MS, type Instant } from '../../domain/shared/time.ts';
import type { Appointment } from '../../domain/visit/appointment.ts';
import type { Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type ListAgendaInput = {
  readonly actor: Actor;
  readonly advisorId?: UserId;
  readonly from: Instant;
  readonly to: Instant;
};

export const MAX_AGENDA_RANGE_MS = 92 * DAY_MS;

export type ListAgendaError =
  | { readonly type: 'AgendaNotAllowed' }
  | { readonly type: 'AdvisorRequired' }
  | { readonly type: 'InvalidAgendaRange' };

/** An advisor's appointments overlapping [from, to), by start; advisors see only their own agenda. */
export class ListAgenda {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ListAgendaInput): Promise<Result<Appointment[], ListAgendaError>> {
    const { actor } = input;
    const self = actor.kind === 'user' ? actor.userId : null;
    const advisorId = input.advisorId ?? self;
    if (advisorId === null) return err({ type: 'AdvisorRequired' });
    if (actor.role === 'advisor' && advisorId !== self) return err({ type: 'AgendaNotAllowed' });
    if (input.to <= input.from || input.to - input.from > MAX_AGENDA_RANGE_MS)
      return err({ type: 'InvalidAgendaRange' });
    return ok(
      await this.uow.transaction((repos) => repos.appointments.byAdvisorBetween(advisorId, input.from, input.to)),
    );
  }
}
