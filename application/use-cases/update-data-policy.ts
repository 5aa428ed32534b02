import type { DataPolicy } from '../../domain/chatbot/bot-state.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type InvalidDataPolicy = { readonly type: 'InvalidDataPolicy'; readonly reason: string };

/**
 * Publishes the data-treatment policy the bot asks consent for. Consents already given keep the version
 * they were given under; a new version applies to consents given from now on.
 */
export class UpdateDataPolicy {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(policy: DataPolicy): Promise<Result<DataPolicy, InvalidDataPolicy>> {
    const trimmed: DataPolicy = {
      version: policy.version.trim(),
      url: policy.url.trim(),
      summary: policy.summary.trim(),
    };
    if (trimmed.version === '' || trimmed.summary === '')
      return err({ type: 'InvalidDataPolicy', reason: 'version and summary are required' });
    if (!/^https?:\/\/\S+$/i.test(trimmed.url))
      return err({ type: 'InvalidDataPolicy', reason: 'url must be an http(s) address' });
    return this.uow.transaction(async (repos) => {
      await repos.settings.save({ ...(await repos.settings.current()), policy: trimmed });
      return ok(trimmed);
    });
  }
}
