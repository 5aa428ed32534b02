import { InMemoryDeadLetterRepository } from './in-memory-dead-letter-repository.ts';
import { InMemoryInboxRepository } from './in-memory-inbox-repository.ts';
import type { Repositories } from '../../application/ports/unit-of-work.ts';
import { InMemoryApiKeyRepository } from './in-memory-api-key-repository.ts';
import { InMemoryBotSettingsRepository } from './in-memory-bot-settings-repository.ts';
import { InMemoryBuilderProfileRepository } from './in-memory-builder-profile-repository.ts';
import { InMemoryCatalogRepository } from './in-memory-catalog-repository.ts';
import { InMemoryConversationRepository } from './in-memory-conversation-repository.ts';
import { InMemoryLeadRepository } from './in-memory-lead-repository.ts';
import { InMemoryLineRepository } from './in-memory-line-repository.ts';
import { InMemoryMediaFetchQueue } from './in-memory-media-fetch-queue.ts';
import { InMemoryMessageRepository } from './in-memory-message-repository.ts';
import { InMemoryOrganisationRepository } from './in-memory-organisation-repository.ts';
import { InMemoryPersonalDataRepository } from './in-memory-personal-data-repository.ts';
import { InMemoryQuoteRepository } from './in-memory-quote-repository.ts';
import { InMemoryTemplateRepository } from './in-memory-template-repository.ts';
import { InMemoryVisitRepository } from './in-memory-visit-repository.ts';
import type { InMemoryStore } from './in-memory-store.ts';
import { InMemoryAppointmentRepository } from './in-memory-appointment-repository.ts';
import { InMemoryReservationRepository } from './in-memory-reservation-repository.ts';

/** Every repository over one store, as the UnitOfWork hands them to a transaction. */
export const inMemoryRepositories = (store: InMemoryStore): Repositories => ({
  lines: new InMemoryLineRepository(store),
  organisation: new InMemoryOrganisationRepository(store),
  catalog: new InMemoryCatalogRepository(store),
  templates: new InMemoryTemplateRepository(store),
  settings: new InMemoryBotSettingsRepository(store),
  builder: new InMemoryBuilderProfileRepository(store),
  leads: new InMemoryLeadRepository(store),
  visits: new InMemoryVisitRepository(store),
  conversations: new InMemoryConversationRepository(store),
  messages: new InMemoryMessageRepository(store),
  quotes: new InMemoryQuoteRepository(store),
  inbox: new InMemoryInboxRepository(store),
  mediaFetches: new InMemoryMediaFetchQueue(store),
  deadLetters: new InMemoryDeadLetterRepository(store),
  apiKeys: new InMemoryApiKeyRepository(store),
  appointments: new InMemoryAppointmentRepository(store),
  reservations: new InMemoryReservationRepository(store),
  personalData: new InMemoryPersonalDataRepository(store),
});
