import type { EraseLead } from '../../../application/use-cases/erase-lead.ts';
import type { ExportPersonalData } from '../../../application/use-cases/export-personal-data.ts';
import type { ListDataSubjectRequests } from '../../../application/use-cases/list-data-subject-requests.ts';
import { asId, type LeadId } from '../../../domain/shared/ids.ts';
import { crmProblem } from './crm-problem.ts';
import type { CrmHandler } from './crm-router.ts';
import { dataSubjectRequestBody, erasureBody, personalDataBody } from './personal-data.schemas.ts';
import type * as routes from './personal-data.routes.ts';

/** What the personal-data routes need: their use cases. */
export type PersonalDataDeps = {
  readonly exportPersonalData: Pick<ExportPersonalData, 'execute'>;
  readonly eraseLead: Pick<EraseLead, 'execute'>;
  readonly listDataSubjectRequests: Pick<ListDataSubjectRequests, 'execute'>;
};

// Personal data: no cache along the way keeps a copy.
const NO_STORE = { 'Cache-Control': 'no-store' };

export const exportPersonalData =
  (deps: PersonalDataDeps): CrmHandler<typeof routes.exportPersonalDataRoute> =>
  async (c) => {
    const leadId = asId<LeadId>(c.req.valid('param').id);
    const found = await deps.exportPersonalData.execute({ actor: c.get('actor'), leadId });
    return found.ok ? c.json(personalDataBody(found.value), 200, NO_STORE) : crmProblem(c, found.error);
  };

export const eraseLead =
  (deps: PersonalDataDeps): CrmHandler<typeof routes.eraseLeadRoute> =>
  async (c) => {
    const leadId = asId<LeadId>(c.req.valid('param').id);
    const erased = await deps.eraseLead.execute({ actor: c.get('actor'), leadId });
    return erased.ok ? c.json(erasureBody(erased.value), 200) : crmProblem(c, erased.error);
  };

export const listDataSubjectRequests =
  (deps: PersonalDataDeps): CrmHandler<typeof routes.listDataSubjectRequestsRoute> =>
  async (c) => {
    const { leadId, cursor, limit } = c.req.valid('query');
    const page = await deps.listDataSubjectRequests.execute({
      limit,
      ...(leadId === undefined ? {} : { leadId: asId<LeadId>(leadId) }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    if (!page.ok) return crmProblem(c, page.error);
    return c.json({ items: page.value.items.map(dataSubjectRequestBody), nextCursor: page.value.nextCursor }, 200);
  };
