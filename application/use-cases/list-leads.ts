import type { Lead, VisitStage } from '../../domain/lead/lead.ts';
import type { UserId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { Repositories, UnitOfWork } from '../ports/unit-of-work.ts';
import { botOf, mayView, summarise, type LeadSummary } from './lead-access.ts';

export type ListLeadsInput = {
  readonly actor: Actor;
  /** Matched, case-insensitively, against name, email and phone (digits only for the phone). */
  readonly q?: string;
  readonly advisorId?: UserId;
  /** Leads with at least one visit at this stage. */
  readonly stage?: VisitStage;
  /** Only leads the bot still leads (`true`: where drop-offs are) or only those with an advisor (`false`). */
  readonly inBot?: boolean;
  /** From a previous page's `nextCursor`. */
  readonly cursor?: string;
  readonly limit: number;
};

export type LeadPage = { readonly items: readonly LeadSummary[]; readonly nextCursor: string | null };
export type InvalidCursor = { readonly type: 'InvalidCursor'; readonly cursor: string };

// Newest first; the id breaks ties so the order is total and a cursor names one exact place in it.
const newestFirst = (a: Lead, b: Lead): number => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const cursorOf = (lead: Lead): string => `${lead.createdAt}_${lead.id}`;
const after = (lead: Lead, at: number, id: string): boolean =>
  lead.createdAt < at || (lead.createdAt === at && lead.id < id);

const matches = (lead: Lead, q: string): boolean => {
  const text = q.trim().toLowerCase();
  const digits = text.replace(/\D/g, '');
  return (
    (lead.name ?? '').toLowerCase().includes(text) ||
    (lead.email ?? '').toLowerCase().includes(text) ||
    (digits.length > 0 &&
      digits.length === text.replace(/[\s+\-().]/g, '').length &&
      (lead.phone ?? '').includes(digits))
  );
};

/** The visitors list: the leads the actor may see, filtered, newest first, a page at a time. */
export class ListLeads {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: ListLeadsInput): Promise<Result<LeadPage, InvalidCursor>> {
    const start = input.cursor === undefined ? null : /^(\d+)_(.+)$/.exec(input.cursor);
    if (input.cursor !== undefined && start === null) return err({ type: 'InvalidCursor', cursor: input.cursor });
    return this.uow.transaction(async (repos) => {
      const q = input.q?.trim() ?? '';
      const candidates = (await repos.leads.list())
        .filter((l) => mayView(input.actor, l))
        .filter((l) => input.advisorId === undefined || l.advisorId === input.advisorId)
        .filter((l) => q === '' || matches(l, q))
        .sort(newestFirst)
        .filter((l) => start?.[1] === undefined || start[2] === undefined || after(l, Number(start[1]), start[2]));
      const page: Lead[] = [];
      let more = false;
      for (const lead of candidates) {
        if (!(await this.atStage(repos, lead, input.stage))) continue;
        if (input.inBot !== undefined && botOf(await repos.conversations.byLead(lead.id)).inBot !== input.inBot)
          continue;
        if (page.length === input.limit) {
          more = true;
          break;
        }
        page.push(lead);
      }
      const now = this.clock.now();
      const items: LeadSummary[] = [];
      for (const lead of page) items.push(await summarise(repos, lead, now));
      const last = page[page.length - 1];
      return ok({ items, nextCursor: more && last !== undefined ? cursorOf(last) : null });
    });
  }

  private async atStage(repos: Repositories, lead: Lead, stage: VisitStage | undefined): Promise<boolean> {
    return stage === undefined || (await repos.visits.byLead(lead.id)).some((v) => v.stage === stage);
  }
}
