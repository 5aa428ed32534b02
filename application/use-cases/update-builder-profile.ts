import {
  type BuilderProfile,
  type BuilderProfileError,
  type BuilderProfileInput,
  checkBuilderProfile,
} from '../../domain/builder/builder-profile.ts';
import type { Logo } from '../../domain/builder/logo.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** A logo as uploaded: the type the client declares and the bytes. */
export type LogoUpload = { readonly mimeType: Logo['mimeType']; readonly bytes: Uint8Array };

export type UpdateBuilderProfileInput = Omit<BuilderProfileInput, 'logo'> & {
  /** A new logo, `null` to print none, `'unchanged'` to keep the one saved (if any). */
  readonly logo: LogoUpload | null | 'unchanged';
};

/**
 * Saves the builder the proposals name. Quotes issued from now on print it; a quote already issued keeps the PDF
 * it was issued with.
 */
export class UpdateBuilderProfile {
  constructor(private readonly uow: UnitOfWork) {}

  execute(input: UpdateBuilderProfileInput): Promise<Result<BuilderProfile, BuilderProfileError>> {
    return this.uow.transaction(async (repos) => {
      const current = input.logo === 'unchanged' ? await repos.builder.current() : null;
      const checked = checkBuilderProfile({
        ...input,
        logo: input.logo === 'unchanged' ? (current?.logo?.bytes ?? null) : (input.logo?.bytes ?? null),
      });
      if (!checked.ok) return checked;
      // Bytes of another type than the one declared are a client's mix-up: refused, not silently relabelled.
      if (input.logo !== 'unchanged' && input.logo !== null && checked.value.logo?.mimeType !== input.logo.mimeType)
        return err({ type: 'LogoNotAnImage' });
      await repos.builder.save(checked.value);
      return ok(checked.value);
    });
  }
}
