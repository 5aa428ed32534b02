import { eq } from 'drizzle-orm';
import type { BotSettings, BotSettingsRepository } from '../../application/ports/configuration.ts';
import type { Db } from './drizzle-db.ts';
import { botSettingsCodec } from './codecs/bot-settings-codec.ts';
import { first } from './rows.ts';
import { botSettings } from './schema.ts';

export class DrizzleBotSettingsRepository implements BotSettingsRepository {
  /** `defaults` is what the bot uses until an administrator saves settings. */
  constructor(
    private readonly db: Db,
    private readonly defaults: BotSettings,
  ) {}

  async current(): Promise<BotSettings> {
    const row = first(await this.db.select().from(botSettings).where(eq(botSettings.id, 1)));
    return row === null ? structuredClone(this.defaults) : botSettingsCodec.decode(row.settings);
  }

  async save(value: BotSettings): Promise<void> {
    const settings = botSettingsCodec.encode(value);
    await this.db
      .insert(botSettings)
      .values({ id: 1, settings })
      .onConflictDoUpdate({ target: botSettings.id, set: { settings } });
  }
}
