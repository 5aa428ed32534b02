import type { BotSettings } from '../../application/ports/configuration.ts';
import type { Repositories } from '../../application/ports/unit-of-work.ts';
import { DrizzleApiKeyRepository } from './drizzle-api-key-repository.ts';
import { DrizzleBotSettingsRepository } from './drizzle-bot-settings-repository.ts';
import { DrizzleBuilderProfileRepository } from './drizzle-builder-profile-repository.ts';
import { DrizzleCatalogRepository } from './drizzle-catalog-repository.ts';
import { DrizzleConversationRepository } from './drizzle-conversation-repository.ts';
import type { Db } from './drizzle-db.ts';
import { DrizzleDeadLetterRepository } from './drizzle-dead-letter-repository.ts';
import { DrizzleInboxRepository } from './drizzle-inbox-repository.ts';
import { DrizzleLeadRepository } from './drizzle-lead-repository.ts';
import { DrizzleLineRepository } from './drizzle-line-repository.ts';
import { DrizzleMediaFetchQueue } from './drizzle-media-fetch-queue.ts';
import { DrizzleMessageRepository } from './drizzle-message-repository.ts';
import { DrizzleOrganisationRepository } from './drizzle-organisation-repository.ts';
import { DrizzlePersonalDataRepository } from './drizzle-personal-data-repository.ts';
import { DrizzleQuoteRepository } from './drizzle-quote-repository.ts';
import { DrizzleTemplateRepository } from './drizzle-template-repository.ts';
import { DrizzleVisitRepository } from './drizzle-visit-repository.ts';
import { DrizzleAppointmentRepository } from './drizzle-appointment-repository.ts';
import { DrizzleReservationRepository } from './drizzle-reservation-repository.ts';

export type DrizzleRepositoryOptions = {
  /** The bot settings in force until an administrator saves others. */
  readonly defaultSettings: BotSettings;
};

/** Every repository over one database handle: the database itself, or one transaction. */
export const drizzleRepositories = (db: Db, options: DrizzleRepositoryOptions): Repositories => ({
  lines: new DrizzleLineRepository(db),
  organisation: new DrizzleOrganisationRepository(db),
  catalog: new DrizzleCatalogRepository(db),
  templates: new DrizzleTemplateRepository(db),
  settings: new DrizzleBotSettingsRepository(db, options.defaultSettings),
  builder: new DrizzleBuilderProfileRepository(db),
  leads: new DrizzleLeadRepository(db),
  visits: new DrizzleVisitRepository(db),
  conversations: new DrizzleConversationRepository(db),
  messages: new DrizzleMessageRepository(db),
  quotes: new DrizzleQuoteRepository(db),
  inbox: new DrizzleInboxRepository(db),
  mediaFetches: new DrizzleMediaFetchQueue(db),
  deadLetters: new DrizzleDeadLetterRepository(db),
  apiKeys: new DrizzleApiKeyRepository(db),
  appointments: new DrizzleAppointmentRepository(db),
  reservations: new DrizzleReservationRepository(db),
  personalData: new DrizzlePersonalDataRepository(db),
});
