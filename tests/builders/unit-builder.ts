import type { Unit, UnitStatus } from '../../domain/catalog/catalog.ts';
import { asId, type ProjectId, type UnitId, type UnitTypeId } from '../../domain/shared/ids.ts';
import { moneyOf, type Currency } from '../../domain/shared/money.ts';
import { nextId } from './next-id.ts';

export class UnitBuilder {
  #unit: Unit = {
    id: nextId<UnitId>('unit'),
    projectId: asId<ProjectId>('project-1'),
    unitTypeId: asId<UnitTypeId>('unit-type-1'),
    code: 'T1-502',
    areaM2: 58,
    builtAreaM2: null,
    floor: null,
    price: moneyOf(350_000_000),
    status: 'available',
  };

  withId(id: string): this {
    return this.#set({ id: asId<UnitId>(id) });
  }

  /** The project and unit type it belongs to. */
  of(projectId: string, unitTypeId: string): this {
    return this.#set({ projectId: asId<ProjectId>(projectId), unitTypeId: asId<UnitTypeId>(unitTypeId) });
  }

  withCode(code: string): this {
    return this.#set({ code });
  }

  pricedAt(amount: number, currency: Currency = 'COP'): this {
    return this.#set({ price: moneyOf(amount, currency) });
  }

  /** Floor and built area (the private area stays `areaM2`). */
  onFloor(floor: number | null, builtAreaM2: number | null = null): this {
    return this.#set({ floor, builtAreaM2 });
  }

  withStatus(status: UnitStatus): this {
    return this.#set({ status });
  }

  build(): Unit {
    return this.#unit;
  }

  #set(patch: Partial<Unit>): this {
    this.#unit = { ...this.#unit, ...patch };
    return this;
  }
}

export const aUnit = (): UnitBuilder => new UnitBuilder();
