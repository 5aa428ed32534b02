import type { AdvisorGroupId, LineId, ProjectId, UserId } from '../shared/ids.ts';
import { DESK_WORKING_HOURS, type WorkingHours } from './working-hours.ts';

export type Role = 'advisor' | 'manager' | 'admin';

export type User = {
  readonly id: UserId;
  readonly name: string;
  readonly email: string | null;
  readonly role: Role;
  readonly active: boolean;
  /** Their own weekly schedule; absent: the desk's (`DESK_WORKING_HOURS`). */
  readonly workingHours?: WorkingHours;
};

/** The hours a user can be booked in: their own, else the desk's. */
export const workingHoursOf = (user: User): WorkingHours => user.workingHours ?? DESK_WORKING_HOURS;

/** Advisors that share the leads of the lines pointing at the group. */
export type AdvisorGroup = {
  readonly id: AdvisorGroupId;
  readonly name: string;
  readonly advisorIds: readonly UserId[];
};

/** How groups are listed: by name, then id (code-point order, the same whatever the database collation). */
export const byNameThenId = (a: AdvisorGroup, b: AdvisorGroup): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A company WhatsApp Business number. */
export type Formality = 'tu' | 'usted';

export type BusinessLine = {
  readonly id: LineId;
  /** Meta's phone-number id: webhooks name the line by it, sends go through it. */
  readonly phoneNumberId: string;
  readonly displayNumber: string;
  readonly name: string;
  readonly advisorGroupId: AdvisorGroupId;
  /** The projects the line's bot offers; empty means the whole catalogue. */
  readonly projectIds: readonly ProjectId[];
  /**
   * Whether a lead who simulates a quote in the bot (without asking for an advisor) is assigned to the
   * least-loaded advisor at once (`true`, the default) or waits, unassigned, for a manager to route.
   */
  readonly assignQuotedLeads: boolean;
  /** How the bot addresses leads on this line: "tú" (the default) or the formal "usted". */
  readonly formality: Formality;
  /**
   * Whether a registered lead, whose conversation is their advisor's, may ask the bot for another quote
   * ("cotizar otro", `asksForNewQuote`): the bot then takes the conversation back at the search. Off by default.
   */
  readonly botQuotesForRegistered: boolean;
};
