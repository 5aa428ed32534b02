import type { PropertyType, UnitType } from '../../domain/catalog/catalog.ts';
import { asId, type ProjectId, type UnitTypeId } from '../../domain/shared/ids.ts';
import { nextId } from './next-id.ts';

export class UnitTypeBuilder {
  #unitType: UnitType = {
    id: nextId<UnitTypeId>('unit-type'),
    projectId: asId<ProjectId>('project-1'),
    name: 'Apartamento 2 alcobas',
    propertyType: 'apartment',
    bedrooms: 2,
    areaM2: 58,
  };

  withId(id: string): this {
    return this.#set({ id: asId<UnitTypeId>(id) });
  }

  ofProject(projectId: string): this {
    return this.#set({ projectId: asId<ProjectId>(projectId) });
  }

  named(name: string): this {
    return this.#set({ name });
  }

  ofType(propertyType: PropertyType, bedrooms: number | null = null): this {
    return this.#set({ propertyType, bedrooms });
  }

  withArea(areaM2: number): this {
    return this.#set({ areaM2 });
  }

  build(): UnitType {
    return this.#unitType;
  }

  #set(patch: Partial<UnitType>): this {
    this.#unitType = { ...this.#unitType, ...patch };
    return this;
  }
}

export const aUnitType = (): UnitTypeBuilder => new UnitTypeBuilder();
