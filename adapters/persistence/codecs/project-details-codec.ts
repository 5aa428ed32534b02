import { z } from 'zod';
import {
  EXTRA_KINDS,
  FINANCING_TYPES,
  HOUSING_REGIMES,
  type ProjectDetails,
  PROPERTY_TYPES,
} from '../../../domain/catalog/catalog.ts';
import { moneySchema } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

const financingSchema = z
  .looseObject(Object.fromEntries(PROPERTY_TYPES.map((t) => [t, z.enum(FINANCING_TYPES).exactOptional()])))
  .transform((value) => value as ProjectDetails['financing']);

const projectDetailsSchema: z.ZodType<ProjectDetails> = z.looseObject({
  housingRegime: z.enum(HOUSING_REGIMES).nullable(),
  extras: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.enum(EXTRA_KINDS),
      label: z.string(),
      price: moneySchema,
      included: z.boolean(),
    }),
  ),
  estrato: z.number().nullable(),
  adminFeePerM2: moneySchema.nullable(),
  fiduciary: z.looseObject({ name: z.string(), note: z.string() }).nullable(),
  paymentChannel: z.string().nullable(),
  financing: financingSchema,
}) as z.ZodType<ProjectDetails>;

/**
 * `projects.details`: the attributes a proposal prints besides the payment plan (regime, extras, estrato,
 * administration fee, trust, payment channel, financing per property type). One JSON value rather than columns:
 * nothing queries them, the extras are a list and the financing a map, and their shape will keep growing. A row
 * from before the column (SQL `NULL`) reads as `noProjectDetails`. Version 1: the first shape.
 */
export const projectDetailsCodec = versionedCodec<ProjectDetails>({
  name: 'project details',
  schema: projectDetailsSchema,
  upgrades: [sameShape],
});
