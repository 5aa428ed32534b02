import { z } from 'zod';
import type { BuilderProfile } from '../../../domain/builder/builder-profile.ts';
import type { Logo } from '../../../domain/builder/logo.ts';
import { branded } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

/** The profile without the logo's bytes, which have a `bytea` column of their own. */
export type StoredBuilderProfile = Omit<BuilderProfile, 'logo'> & { readonly logo: Omit<Logo, 'bytes'> | null };

const logoSchema = z.looseObject({
  mimeType: z.enum(['image/png', 'image/jpeg']),
  widthPx: z.number(),
  heightPx: z.number(),
});

const schema: z.ZodType<StoredBuilderProfile> = z.looseObject({
  name: z.string(),
  nit: branded<BuilderProfile['nit']>(),
  address: z.string(),
  salesPhone: z.string(),
  salesEmail: branded<BuilderProfile['salesEmail']>(),
  website: z.string().nullable(),
  logo: logoSchema.nullable(),
  // Added after version 1 without a bump: a profile saved before it names no contact for data requests.
  dataRequestsContact: branded<BuilderProfile['salesEmail']>().nullable().default(null),
});

/** `builder_profile.profile`. Version 1: the first shape. */
export const builderProfileCodec = versionedCodec<StoredBuilderProfile>({
  name: 'builder profile',
  schema,
  upgrades: [sameShape],
});
