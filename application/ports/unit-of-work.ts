import type { ApiKeyRepository } from './api-key-repository.ts';
import type { AppointmentRepository } from './appointment-repository.ts';
import type { ReservationRepository } from './reservation-repository.ts';
import type {
  BotSettingsRepository,
  BuilderProfileRepository,
  CatalogRepository,
  LineRepository,
  OrganisationRepository,
  TemplateRepository,
} from './configuration.ts';
import type { ConversationRepository } from './conversation-repository.ts';
import type { DeadLetterRepository } from './dead-letter-repository.ts';
import type { DeskEvent } from './events.ts';
import type { InboxRepository } from './inbox-repository.ts';
import type { LeadRepository } from './lead-repository.ts';
import type { MediaFetchQueue } from './media-fetch-queue.ts';
import type { MessageRepository } from './message-repository.ts';
import type { PersonalDataRepository } from './personal-data-repository.ts';
import type { QuoteRepository } from './quote-repository.ts';
import type { VisitRepository } from './visit-repository.ts';

/** The repositories, bound to one transaction. */
export type Repositories = {
  readonly lines: LineRepository;
  readonly organisation: OrganisationRepository;
  readonly catalog: CatalogRepository;
  readonly templates: TemplateRepository;
  readonly settings: BotSettingsRepository;
  readonly builder: BuilderProfileRepository;
  readonly leads: LeadRepository;
  readonly visits: VisitRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly quotes: QuoteRepository;
  readonly inbox: InboxRepository;
  readonly mediaFetches: MediaFetchQueue;
  readonly deadLetters: DeadLetterRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly appointments: AppointmentRepository;
  readonly reservations: ReservationRepository;
  readonly personalData: PersonalDataRepository;
};

/** What a transaction tells the desk (live streams, the outbox's dispatcher) once, and only if, it commits. */
export interface TransactionEvents {
  record(...events: readonly DeskEvent[]): void;
}

/** The repositories bound to one transaction, and the events it announces after commit. */
export type Transaction = Repositories & { readonly events: TransactionEvents };

/**
 * Storage's transactions, one adapter per store (memory, PGlite, PostgreSQL). The application does not use it
 * directly: `PublishingUnitOfWork` adds the events each transaction records and publishes them after commit.
 */
export interface TransactionalStore {
  /**
   * Runs `work` in one transaction: all its writes land together or not at all (a throw rolls back).
   * When the transaction loses a race (`Conflict`), it is run again from the start, a few times.
   * Concurrent transactions see each other's commits only; ordering per lead comes from the inbox.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs `work` that makes exactly one repository call, which is atomic by itself: where the store allows,
   * without opening a transaction (two round trips fewer on a hot path such as recording a send).
   */
  single<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/**
 * What use cases run their work in. Property signatures, not methods, so that a bare `TransactionalStore`
 * (whose work gets no `events`) is refused where a unit of work is expected.
 */
export interface UnitOfWork {
  /**
   * As `TransactionalStore.transaction`; the events `work` records are published once it has committed, those
   * of a run that rolled back (or lost a race and ran again) never.
   */
  readonly transaction: <T>(work: (tx: Transaction) => Promise<T>) => Promise<T>;
  /** As `TransactionalStore.single`: one atomic call, which announces nothing. */
  readonly single: <T>(work: (repos: Repositories) => Promise<T>) => Promise<T>;
}
