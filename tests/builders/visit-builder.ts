import type { SearchCriteria } from '../../domain/catalog/search.ts';
import type { Visit, VisitStage } from '../../domain/lead/lead.ts';
import { asId, type LeadId, type ProjectId, type UnitTypeId, type VisitId } from '../../domain/shared/ids.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { nextId } from './next-id.ts';

export class VisitBuilder {
  #visit: Visit = {
    id: nextId<VisitId>('visit'),
    leadId: asId<LeadId>('lead-1'),
    projectId: asId<ProjectId>('project-1'),
    unitTypeId: null,
    criteria: {},
    stage: 'new',
    createdAt: 0,
  };

  withId(id: string): this {
    return this.#set({ id: asId<VisitId>(id) });
  }

  ofLead(leadId: string): this {
    return this.#set({ leadId: asId<LeadId>(leadId) });
  }

  forProject(projectId: string, unitTypeId: string | null = null): this {
    return this.#set({
      projectId: asId<ProjectId>(projectId),
      unitTypeId: unitTypeId === null ? null : asId<UnitTypeId>(unitTypeId),
    });
  }

  withCriteria(criteria: SearchCriteria): this {
    return this.#set({ criteria });
  }

  atStage(stage: VisitStage): this {
    return this.#set({ stage });
  }

  createdAt(at: Instant): this {
    return this.#set({ createdAt: at });
  }

  build(): Visit {
    return this.#visit;
  }

  #set(patch: Partial<Visit>): this {
    this.#visit = { ...this.#visit, ...patch };
    return this;
  }
}

export const aVisit = (): VisitBuilder => new VisitBuilder();
