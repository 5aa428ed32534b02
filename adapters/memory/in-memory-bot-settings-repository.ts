import type { BotSettings, BotSettingsRepository } from '../../application/ports/configuration.ts';
import { defaultBotSettings } from './default-bot-settings.ts';
import { copy, type InMemoryStore } from './in-memory-store.ts';

export class InMemoryBotSettingsRepository implements BotSettingsRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async current(): Promise<BotSettings> {
    return copy(this.#store.data.settings ?? defaultBotSettings);
  }

  async save(settings: BotSettings): Promise<void> {
    this.#store.data.settings = copy(settings);
  }
}
