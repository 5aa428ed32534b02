import {
  asId,
  type LeadId,
  type LineId,
  type ProjectId,
  type UnitTypeId,
  type UserId,
} from '../../../domain/shared/ids.ts';
import type { CrmRouter } from './crm-router.ts';
import type { LeadRouteDeps } from './leads.deps.ts';
import { crmProblem } from './crm-problem.ts';
import { leadJson, visitJson } from './leads.presenters.ts';
import { createLeadRoute, getLeadRoute, listLeadsRoute, listVisitsRoute, openVisitRoute } from './leads.routes.ts';

export const registerLeadHandlers = (router: CrmRouter, deps: LeadRouteDeps): void => {
  router.openapi(listLeadsRoute, async (c) => {
    const { q, advisorId, stage, cursor, limit } = c.req.valid('query');
    const page = await deps.listLeads.execute({
      actor: c.get('actor'),
      limit,
      ...(q === undefined ? {} : { q }),
      ...(advisorId === undefined ? {} : { advisorId: asId<UserId>(advisorId) }),
      ...(stage === undefined ? {} : { stage }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (!page.ok) return crmProblem(c, page.error);
    return c.json({ items: page.value.items.map(leadJson), nextCursor: page.value.nextCursor }, 200);
  });

  router.openapi(getLeadRoute, async (c) => {
    const found = await deps.getLead.execute({ actor: c.get('actor'), leadId: asId<LeadId>(c.req.valid('param').id) });
    return found.ok ? c.json(leadJson(found.value), 200) : crmProblem(c, found.error);
  });

  router.openapi(createLeadRoute, async (c) => {
    const body = c.req.valid('json');
    const created = await deps.createLead.execute({
      actor: c.get('actor'),
      name: body.name,
      phone: body.phone,
      ...(body.email === undefined ? {} : { email: body.email }),
      ...(body.advisorId === undefined ? {} : { advisorId: asId<UserId>(body.advisorId) }),
      ...(body.lineId === undefined ? {} : { lineId: asId<LineId>(body.lineId) }),
    });
    if (!created.ok) return crmProblem(c, created.error);
    const lead = await deps.getLead.execute({ actor: c.get('actor'), leadId: created.value.id });
    return lead.ok ? c.json(leadJson(lead.value), 201) : crmProblem(c, lead.error);
  });

  router.openapi(listVisitsRoute, async (c) => {
    const visits = await deps.listVisits.execute({
      actor: c.get('actor'),
      leadId: asId<LeadId>(c.req.valid('param').id),
    });
    return visits.ok ? c.json({ items: visits.value.map(visitJson) }, 200) : crmProblem(c, visits.error);
  });

  router.openapi(openVisitRoute, async (c) => {
    const { projectId, unitTypeId } = c.req.valid('json');
    const opened = await deps.openVisit.execute({
      actor: c.get('actor'),
      leadId: asId<LeadId>(c.req.valid('param').id),
      projectId: asId<ProjectId>(projectId),
      ...(unitTypeId === undefined ? {} : { unitTypeId: asId<UnitTypeId>(unitTypeId) }),
    });
    return opened.ok ? c.json(visitJson(opened.value), 201) : crmProblem(c, opened.error);
  });
};
