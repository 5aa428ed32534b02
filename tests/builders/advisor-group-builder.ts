import type { AdvisorGroup } from '../../domain/organisation/organisation.ts';
import { asId, type AdvisorGroupId, type UserId } from '../../domain/shared/ids.ts';
import { nextId } from './next-id.ts';

export class AdvisorGroupBuilder {
  #group: AdvisorGroup = { id: nextId<AdvisorGroupId>('group'), name: 'Asesores Bogotá', advisorIds: [] };

  withId(id: string): this {
    return this.#set({ id: asId<AdvisorGroupId>(id) });
  }

  withName(name: string): this {
    return this.#set({ name });
  }

  withAdvisors(...advisorIds: string[]): this {
    return this.#set({ advisorIds: advisorIds.map((a) => asId<UserId>(a)) });
  }

  build(): AdvisorGroup {
    return this.#group;
  }

  #set(patch: Partial<AdvisorGroup>): this {
    this.#group = { ...this.#group, ...patch };
    return this;
  }
}

export const anAdvisorGroup = (): AdvisorGroupBuilder => new AdvisorGroupBuilder();
