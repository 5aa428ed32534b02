import type { BotSettings } from '../ports/configuration.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** The bot's current texts, data policy, quote labels and flow settings. */
export class GetBotSettings {
  constructor(private readonly uow: UnitOfWork) {}

  execute(): Promise<BotSettings> {
    return this.uow.transaction((repos) => repos.settings.current());
  }
}
