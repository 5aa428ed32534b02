import type { CreateLead } from '../../../application/use-cases/create-lead.ts';
import type { GetLead } from '../../../application/use-cases/get-lead.ts';
import type { ListLeads } from '../../../application/use-cases/list-leads.ts';
import type { ListUnregisteredVisitors } from '../../../application/use-cases/list-unregistered-visitors.ts';
import type { ListVisits } from '../../../application/use-cases/list-visits.ts';
import type { OpenVisit } from '../../../application/use-cases/open-visit.ts';
import {
  asId,
  type LeadId,
  type LineId,
  type ProjectId,
  type UnitTypeId,
  type UserId,
} from '../../../domain/shared/ids.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import { iso, leadDetailJson, leadJson, visitJson, windowJson } from './leads.presenters.ts';
import type * as routes from './leads.routes.ts';

/** What the lead routes need: their use cases. */
export type LeadsDeps = {
  readonly listLeads: Pick<ListLeads, 'execute'>;
  readonly getLead: Pick<GetLead, 'execute'>;
  readonly createLead: Pick<CreateLead, 'execute'>;
  readonly listVisits: Pick<ListVisits, 'execute'>;
  readonly openVisit: Pick<OpenVisit, 'execute'>;
  readonly listUnregistered: Pick<ListUnregisteredVisitors, 'execute'>;
};

export const listUnregistered =
  (deps: LeadsDeps): CrmHandler<typeof routes.listUnregisteredRoute> =>
  async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const page = await deps.listUnregistered.execute({ limit, ...(cursor === undefined ? {} : { cursor }) });
    if (!page.ok) return crmProblem(c, page.error);
    const items = page.value.items.map((v) => ({
      conversationId: v.conversationId,
      lineId: v.lineId,
      step: v.step,
      maskedPhone: v.maskedPhone,
      window: windowJson(v.window),
      lastInboundAt: v.lastInboundAt === null ? null : iso(v.lastInboundAt),
      createdAt: iso(v.createdAt),
    }));
    return c.json({ items, nextCursor: page.value.nextCursor }, 200);
  };

export const listLeads =
  (deps: LeadsDeps): CrmHandler<typeof routes.listLeadsRoute> =>
  async (c) => {
    const { q, advisorId, stage, inBot, cursor, limit } = c.req.valid('query');
    const page = await deps.listLeads.execute({
      actor: c.get('actor'),
      limit,
      ...(q === undefined ? {} : { q }),
      ...(advisorId === undefined ? {} : { advisorId: asId<UserId>(advisorId) }),
      ...(stage === undefined ? {} : { stage }),
      ...(inBot === undefined ? {} : { inBot }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (!page.ok) return crmProblem(c, page.error);
    return c.json({ items: page.value.items.map(leadJson), nextCursor: page.value.nextCursor }, 200);
  };

export const getLead =
  (deps: LeadsDeps): CrmHandler<typeof routes.getLeadRoute> =>
  async (c) => {
    const found = await deps.getLead.execute({ actor: c.get('actor'), leadId: asId<LeadId>(c.req.valid('param').id) });
    return found.ok ? c.json(leadDetailJson(found.value), 200) : crmProblem(c, found.error);
  };

export const createLead =
  (deps: LeadsDeps): CrmHandler<typeof routes.createLeadRoute> =>
  async (c) => {
    const body = c.req.valid('json');
    const created = await deps.createLead.execute({
      actor: c.get('actor'),
      name: body.name,
      phone: body.phone,
      ...(body.email === undefined ? {} : { email: body.email }),
      ...(body.advisorId === undefined ? {} : { advisorId: asId<UserId>(body.advisorId) }),
      ...(body.lineId === undefined ? {} : { lineId: asId<LineId>(body.lineId) }),
      source: body.source,
      ...(body.sourceNote === undefined ? {} : { sourceNote: body.sourceNote }),
    });
    if (!created.ok) return crmProblem(c, created.error);
    const lead = await deps.getLead.execute({ actor: c.get('actor'), leadId: created.value.id });
    return lead.ok ? c.json(leadJson(lead.value), 201) : crmProblem(c, lead.error);
  };

export const listVisits =
  (deps: LeadsDeps): CrmHandler<typeof routes.listVisitsRoute> =>
  async (c) => {
    const visits = await deps.listVisits.execute({
      actor: c.get('actor'),
      leadId: asId<LeadId>(c.req.valid('param').id),
    });
    return visits.ok ? c.json({ items: visits.value.map(visitJson) }, 200) : crmProblem(c, visits.error);
  };

export const openVisit =
  (deps: LeadsDeps): CrmHandler<typeof routes.openVisitRoute> =>
  async (c) => {
    const { projectId, unitTypeId } = c.req.valid('json');
    const opened = await deps.openVisit.execute({
      actor: c.get('actor'),
      leadId: asId<LeadId>(c.req.valid('param').id),
      projectId: asId<ProjectId>(projectId),
      ...(unitTypeId === undefined ? {} : { unitTypeId: asId<UnitTypeId>(unitTypeId) }),
    });
    return opened.ok ? c.json(visitJson(opened.value), 201) : crmProblem(c, opened.error);
  };
