import { eq } from 'drizzle-orm';
import type { BuilderProfileRepository } from '../../application/ports/configuration.ts';
import type { BuilderProfile } from '../../domain/builder/builder-profile.ts';
import { builderProfileCodec } from './codecs/builder-profile-codec.ts';
import type { Db } from './drizzle-db.ts';
import { first } from './rows.ts';
import { builderProfile } from './schema.ts';

export class DrizzleBuilderProfileRepository implements BuilderProfileRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<BuilderProfile | null> {
    const row = first(await this.db.select().from(builderProfile).where(eq(builderProfile.id, 1)));
    if (row === null) return null;
    const { logo, ...profile } = builderProfileCodec.decode(row.profile);
    // A logo described without bytes (or bytes without a description) is left out rather than drawn broken.
    return { ...profile, logo: logo === null || row.logo === null ? null : { ...logo, bytes: row.logo } };
  }

  async save({ logo, ...rest }: BuilderProfile): Promise<void> {
    const values = {
      profile: builderProfileCodec.encode({
        ...rest,
        logo: logo === null ? null : { mimeType: logo.mimeType, widthPx: logo.widthPx, heightPx: logo.heightPx },
      }),
      logo: logo?.bytes ?? null,
    };
    await this.db
      .insert(builderProfile)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: builderProfile.id, set: values });
  }
}
