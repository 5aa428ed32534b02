import type { BuilderProfile } from '../../domain/builder/builder-profile.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** No administrator has saved the builder yet: proposals go out without a builder's identity. */
export type BuilderProfileNotConfigured = { readonly type: 'BuilderProfileNotConfigured' };

/** The builder the proposals name, as an administrator last saved it. */
export class GetBuilderProfile {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<Result<BuilderProfile, BuilderProfileNotConfigured>> {
    const profile = await this.uow.transaction((repos) => repos.builder.current());
    return profile === null ? err({ type: 'BuilderProfileNotConfigured' }) : ok(profile);
  }
}
