import {
  noProjectDetails,
  type PriceBucket,
  type Project,
  type ProjectDetails,
  type PropertyType,
  type Unit,
  type UnitType,
} from '../../domain/catalog/catalog.ts';
import { asId, type PriceBucketId, type ProjectId, type UnitId, type UnitTypeId } from '../../domain/shared/ids.ts';
import type { Currency } from '../../domain/shared/money.ts';
import { paymentPlanCodec } from './codecs/payment-plan-codec.ts';
import { projectDetailsCodec } from './codecs/project-details-codec.ts';
import type { priceBuckets, projects, units, unitTypes } from './schema.ts';

export const toProject = (row: typeof projects.$inferSelect): Project => ({
  id: asId<ProjectId>(row.id),
  name: row.name,
  city: row.city,
  currency: row.currency as Currency,
  description: row.description,
  paymentPlan: paymentPlanCodec.decode(row.paymentPlan),
  ...(row.details === null ? noProjectDetails : projectDetailsCodec.decode(row.details)),
});

const detailsOf = (p: Project): ProjectDetails => ({
  housingRegime: p.housingRegime,
  extras: p.extras,
  estrato: p.estrato,
  adminFeePerM2: p.adminFeePerM2,
  fiduciary: p.fiduciary,
  paymentChannel: p.paymentChannel,
  financing: p.financing,
});

export const toProjectRow = (p: Project): typeof projects.$inferInsert => ({
  id: p.id,
  name: p.name,
  city: p.city,
  currency: p.currency,
  description: p.description,
  paymentPlan: paymentPlanCodec.encode(p.paymentPlan),
  details: projectDetailsCodec.encode(detailsOf(p)),
});

export const toUnitType = (row: typeof unitTypes.$inferSelect): UnitType => ({
  id: asId<UnitTypeId>(row.id),
  projectId: asId<ProjectId>(row.projectId),
  name: row.name,
  propertyType: row.propertyType as PropertyType,
  bedrooms: row.bedrooms,
  areaM2: row.areaM2,
});

export const toUnitTypeRow = (t: UnitType): typeof unitTypes.$inferInsert => ({
  id: t.id,
  projectId: t.projectId,
  name: t.name,
  propertyType: t.propertyType,
  bedrooms: t.bedrooms,
  areaM2: t.areaM2,
});

export const toUnit = (row: typeof units.$inferSelect): Unit => ({
  id: asId<UnitId>(row.id),
  projectId: asId<ProjectId>(row.projectId),
  unitTypeId: asId<UnitTypeId>(row.unitTypeId),
  code: row.code,
  areaM2: row.areaM2,
  builtAreaM2: row.builtAreaM2,
  floor: row.floor,
  price: { amount: row.price, currency: row.currency as Currency },
  status: row.status,
});

export const toUnitRow = (u: Unit): typeof units.$inferInsert => ({
  id: u.id,
  projectId: u.projectId,
  unitTypeId: u.unitTypeId,
  code: u.code,
  areaM2: u.areaM2,
  builtAreaM2: u.builtAreaM2,
  floor: u.floor,
  price: u.price.amount,
  currency: u.price.currency,
  status: u.status,
});

export const toPriceBucket = (row: typeof priceBuckets.$inferSelect): PriceBucket => ({
  id: asId<PriceBucketId>(row.id),
  label: row.label,
  min: row.min,
  max: row.max,
});

export const toPriceBucketRow = (b: PriceBucket): typeof priceBuckets.$inferInsert => ({
  id: b.id,
  label: b.label,
  min: b.min,
  max: b.max,
});
