import { bigint, bigserial, doublePrecision, index, integer, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { storedJson } from './columns.ts';

export const unitStatus = pgEnum('unit_status', ['available', 'reserved', 'sold']);

// The catalogue is upserted in pieces (a unit repriced alone), so its tables do not reference each other.
export const projects = pgTable('projects', {
  id: text('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  currency: text('currency').notNull(),
  description: text('description').notNull(),
  /** `paymentPlanCodec`. */
  paymentPlan: storedJson('payment_plan').notNull(),
  /** `projectDetailsCodec`; `NULL` on rows written before the column, read as no details. */
  details: storedJson('details'),
});

export const unitTypes = pgTable(
  'unit_types',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    projectId: text('project_id').notNull(),
    name: text('name').notNull(),
    propertyType: text('property_type').notNull(),
    bedrooms: integer('bedrooms'),
    areaM2: doublePrecision('area_m2').notNull(),
  },
  (t) => [index('unit_types_project_idx').on(t.projectId)],
);

export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    projectId: text('project_id').notNull(),
    unitTypeId: text('unit_type_id').notNull(),
    code: text('code').notNull(),
    /** Private area. */
    areaM2: doublePrecision('area_m2').notNull(),
    builtAreaM2: doublePrecision('built_area_m2'),
    floor: integer('floor'),
    /** Integer minor units of `currency`. */
    price: bigint('price', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: unitStatus('status').notNull(),
  },
  (t) => [index('units_project_idx').on(t.projectId), index('units_unit_type_idx').on(t.unitTypeId)],
);

/** Price ranges in minor units, offered in stored order. */
export const priceBuckets = pgTable('price_buckets', {
  id: text('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  label: text('label').notNull(),
  min: bigint('min', { mode: 'number' }).notNull(),
  max: bigint('max', { mode: 'number' }),
});
