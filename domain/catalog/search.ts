import type { PriceBucketId, ProjectId, UnitTypeId } from '../shared/ids.ts';
import type { Money } from '../shared/money.ts';
import type { Catalog, PriceBucket, Project, PropertyType, Unit, UnitType } from './catalog.ts';

/** Prices a lead named that no configured bucket holds: whole pesos (minor units), both ends inclusive. */
export type PriceRange = { readonly min: number; readonly max: number | null };

/** What a lead has narrowed the catalogue by so far: a price bucket or, when none held what they said, a range. */
export type SearchCriteria = {
  readonly priceBucketId?: PriceBucketId;
  readonly priceRange?: PriceRange;
  readonly city?: string;
  readonly propertyType?: PropertyType;
};

export type FilterDimension = 'price' | 'city' | 'propertyType';
export const FILTER_DIMENSIONS: readonly FilterDimension[] = ['price', 'city', 'propertyType'];

const inBucket = (bucket: PriceBucket, price: Money): boolean =>
  price.amount >= bucket.min && (bucket.max === null || price.amount <= bucket.max);

const unitTypesOf = (catalog: Catalog, projectId: ProjectId): UnitType[] =>
  catalog.unitTypes.filter((t) => t.projectId === projectId);

const unitsOfType = (catalog: Catalog, unitTypeId: UnitTypeId): Unit[] =>
  catalog.units.filter((u) => u.unitTypeId === unitTypeId);

/** Unit types of a project that satisfy the criteria (a type with no priced unit never matches a price filter). */
export const matchingUnitTypes = (catalog: Catalog, projectId: ProjectId, criteria: SearchCriteria): UnitType[] => {
  const bucket: PriceBucket | undefined =
    catalog.priceBuckets.find((b) => b.id === criteria.priceBucketId) ??
    (criteria.priceRange === undefined ? undefined : { id: '' as PriceBucketId, label: '', ...criteria.priceRange });
  return unitTypesOf(catalog, projectId).filter(
    (t) =>
      (criteria.propertyType === undefined || t.propertyType === criteria.propertyType) &&
      (bucket === undefined ||
        unitsOfType(catalog, t.id).some((u) => u.status === 'available' && inBucket(bucket, u.price))),
  );
};

export const matchingProjects = (catalog: Catalog, criteria: SearchCriteria): Project[] =>
  catalog.projects.filter(
    (p) =>
      (criteria.city === undefined || p.city === criteria.city) &&
      matchingUnitTypes(catalog, p.id, criteria).length > 0,
  );

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The values of one dimension that still leave at least one project: cities alphabetically, the rest in catalogue order. */
export const optionsFor = (catalog: Catalog, criteria: SearchCriteria, dimension: FilterDimension): string[] => {
  const projects = matchingProjects(catalog, criteria);
  switch (dimension) {
    case 'city':
      return distinct(projects.map((p) => p.city)).sort((a, b) => a.localeCompare(b, 'es'));
    case 'propertyType':
      return distinct(projects.flatMap((p) => matchingUnitTypes(catalog, p.id, criteria).map((t) => t.propertyType)));
    case 'price':
      return catalog.priceBuckets
        .filter((b) => matchingProjects(catalog, { ...criteria, priceBucketId: b.id }).length > 0)
        .map((b) => b.id);
  }
};

export const isChosen = (criteria: SearchCriteria, dimension: FilterDimension): boolean =>
  (dimension === 'price'
    ? (criteria.priceBucketId ?? criteria.priceRange)
    : dimension === 'city'
      ? criteria.city
      : criteria.propertyType) !== undefined;

/** The lowest available price of a unit type, or null when nothing is available. */
export const fromPrice = (catalog: Catalog, unitTypeId: UnitTypeId): Money | null =>
  unitsOfType(catalog, unitTypeId)
    .filter((u) => u.status === 'available')
    .reduce<Money | null>((low, u) => (low === null || u.price.amount < low.amount ? u.price : low), null);

/**
 * The unit a quote for a unit type is made on: its cheapest available one; `null` when the type is sold out (a
 * sold or reserved unit is never quoted).
 */
export const referenceUnit = (catalog: Catalog, unitTypeId: UnitTypeId): Unit | null =>
  unitsOfType(catalog, unitTypeId)
    .filter((u) => u.status === 'available')
    .reduce<Unit | null>((low, u) => (low === null || u.price.amount < low.price.amount ? u : low), null);

/** Whether a unit type has no available unit left (sold or reserved, every one). */
export const isSoldOut = (catalog: Catalog, unitTypeId: UnitTypeId): boolean =>
  referenceUnit(catalog, unitTypeId) === null;
