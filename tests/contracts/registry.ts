import { apiKeyRepositoryContract } from './api-key-repository.contract.ts';
import { appointmentRepositoryContract } from './appointment-repository.contract.ts';
import { channelMediaContract, type OpenChannelMedia } from './channel-media.contract.ts';
import { configurationContract } from './configuration.contract.ts';
import type { OpenSubject } from './contract-subject.ts';
import { conversationRepositoryContract } from './conversation-repository.contract.ts';
import { deadLetterRepositoryContract } from './dead-letter-repository.contract.ts';
import { eventPublisherContract, type OpenEventPublisher } from './event-publisher.contract.ts';
import { inboxRepositoryContract } from './inbox-repository.contract.ts';
import { leadRepositoryContract } from './lead-repository.contract.ts';
import { mediaFetchQueueContract } from './media-fetch-queue.contract.ts';
import { mediaStoreOwnerContract } from './media-store-owner.contract.ts';
import { mediaStoreContract, type OpenMediaStore } from './media-store.contract.ts';
import { messageGatewayContract, type OpenGateway } from './message-gateway.contract.ts';
import { messageRepositoryContract } from './message-repository.contract.ts';
import { personalDataRepositoryContract } from './personal-data-repository.contract.ts';
import { quoteRepositoryContract } from './quote-repository.contract.ts';
import { type OpenRateLimiter, rateLimiterContract } from './rate-limiter.contract.ts';
import { reservationRepositoryContract } from './reservation-repository.contract.ts';
import { type OpenTemplateSource, templateSourceContract } from './template-source.contract.ts';
import { unitOfWorkContract } from './unit-of-work.contract.ts';
import { visitRepositoryContract } from './visit-repository.contract.ts';
import { type OpenWorkSignal, workSignalContract } from './work-signal.contract.ts';

/**
 * What an adapter family hands the suites, by the kind of subject they test. `storage` is the whole set of
 * repositories with their TransactionalStore (the repository suites need both: they write in transactions).
 */
export type Subjects = {
  readonly storage: OpenSubject;
  readonly rateLimiter: OpenRateLimiter;
  readonly mediaStore: OpenMediaStore;
  readonly messageGateway: OpenGateway;
  readonly channelMedia: OpenChannelMedia;
  readonly templateSource: OpenTemplateSource;
  readonly eventPublisher: OpenEventPublisher;
  readonly workSignal: OpenWorkSignal;
};
export type SubjectKind = keyof Subjects;

/** A port of application/ports, by its interface name. */
export type PortName = string;

type SuiteOf<K extends SubjectKind> = {
  /** The ports whose behaviour the suite pins down. */
  readonly ports: readonly PortName[];
  readonly subject: K;
  /** Declares the suite's `describe` block; `name` names the adapter in the test titles. */
  readonly suite: (name: string, open: Subjects[K]) => void;
};
export type RegisteredSuite = { [K in SubjectKind]: SuiteOf<K> }[SubjectKind];

const suite = <K extends SubjectKind>(entry: SuiteOf<K>): RegisteredSuite => entry as unknown as RegisteredSuite;

/** Every contract suite, once: each adapter family runs all those whose subject it can open. */
export const contractSuites: readonly RegisteredSuite[] = [
  suite({ ports: ['LeadRepository'], subject: 'storage', suite: leadRepositoryContract }),
  suite({ ports: ['ConversationRepository'], subject: 'storage', suite: conversationRepositoryContract }),
  suite({ ports: ['MessageRepository'], subject: 'storage', suite: messageRepositoryContract }),
  suite({ ports: ['VisitRepository'], subject: 'storage', suite: visitRepositoryContract }),
  suite({ ports: ['QuoteRepository'], subject: 'storage', suite: quoteRepositoryContract }),
  suite({
    ports: [
      'LineRepository',
      'OrganisationRepository',
      'TemplateRepository',
      'BotSettingsRepository',
      'BuilderProfileRepository',
      'CatalogRepository',
    ],
    subject: 'storage',
    suite: configurationContract,
  }),
  suite({ ports: ['TransactionalStore'], subject: 'storage', suite: unitOfWorkContract }),
  suite({ ports: ['InboxRepository'], subject: 'storage', suite: inboxRepositoryContract }),
  suite({ ports: ['MediaFetchQueue'], subject: 'storage', suite: mediaFetchQueueContract }),
  suite({ ports: ['DeadLetterRepository'], subject: 'storage', suite: deadLetterRepositoryContract }),
  suite({ ports: ['ApiKeyRepository'], subject: 'storage', suite: apiKeyRepositoryContract }),
  suite({ ports: ['AppointmentRepository'], subject: 'storage', suite: appointmentRepositoryContract }),
  suite({ ports: ['ReservationRepository'], subject: 'storage', suite: reservationRepositoryContract }),
  suite({ ports: ['PersonalDataRepository'], subject: 'storage', suite: personalDataRepositoryContract }),
  suite({ ports: ['RateLimiter'], subject: 'rateLimiter', suite: rateLimiterContract }),
  suite({ ports: ['MediaStore'], subject: 'mediaStore', suite: mediaStoreContract }),
  suite({
    ports: ['MediaStore'],
    subject: 'mediaStore',
    // Each test opens its own store; the owner suite does not close it (in memory, or a temporary folder).
    suite: (name, open) => mediaStoreOwnerContract(name, async () => (await open()).store),
  }),
  suite({ ports: ['MessageGateway'], subject: 'messageGateway', suite: messageGatewayContract }),
  suite({ ports: ['ChannelMedia'], subject: 'channelMedia', suite: channelMediaContract }),
  suite({ ports: ['TemplateSource'], subject: 'templateSource', suite: templateSourceContract }),
  suite({ ports: ['EventPublisher'], subject: 'eventPublisher', suite: eventPublisherContract }),
  suite({ ports: ['WorkSignal'], subject: 'workSignal', suite: workSignalContract }),
];

/**
 * Runs every registered suite this adapter can be tested by. An adapter family's test file calls it once per
 * adapter (`runContracts('in-memory', { storage, rateLimiter, mediaStore })`), so a new suite reaches every
 * adapter that can open its subject without anyone remembering to add it.
 */
export const runContracts = (name: string, subjects: Partial<Subjects>): void => {
  for (const entry of contractSuites) {
    const open = subjects[entry.subject];
    if (open !== undefined) (entry.suite as (name: string, open: unknown) => void)(name, open);
  }
};

/**
 * Each adapter class that implements a port, with the family test file that runs its contracts
 * (tests/contracts/coverage.test.ts checks every `implements` in adapters/ is here or exempt).
 */
export const adaptersUnderContract: Readonly<Record<string, string>> = {
  InMemoryLeadRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryConversationRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryMessageRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryVisitRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryQuoteRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryLineRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryOrganisationRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryTemplateRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryBotSettingsRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryBuilderProfileRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryCatalogRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryUnitOfWork: 'tests/contracts/in-memory.test.ts',
  InMemoryInboxRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryMediaFetchQueue: 'tests/contracts/in-memory.test.ts',
  InMemoryDeadLetterRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryApiKeyRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryAppointmentRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryReservationRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryPersonalDataRepository: 'tests/contracts/in-memory.test.ts',
  InMemoryRateLimiter: 'tests/contracts/in-memory.test.ts',
  InMemoryMediaStore: 'tests/contracts/in-memory.test.ts',
  InMemoryEventPublisher: 'tests/contracts/in-memory.test.ts',
  DiskMediaStore: 'tests/contracts/disk.test.ts',
  FakeWhatsApp: 'tests/contracts/whatsapp.test.ts',
  MetaCloudGateway: 'tests/contracts/whatsapp.test.ts',
  MetaChannelMedia: 'tests/contracts/whatsapp.test.ts',
  // The fake account's TemplateSource is a binding in bootstrap/modules/whatsapp-module.ts, not a class: the
  // WhatsApp family runs the contract against what the container resolves.
  MetaTemplateSource: 'tests/contracts/whatsapp.test.ts',
  DrizzleLeadRepository: 'tests/integration/contracts.test.ts',
  DrizzleConversationRepository: 'tests/integration/contracts.test.ts',
  DrizzleMessageRepository: 'tests/integration/contracts.test.ts',
  DrizzleVisitRepository: 'tests/integration/contracts.test.ts',
  DrizzleQuoteRepository: 'tests/integration/contracts.test.ts',
  DrizzleLineRepository: 'tests/integration/contracts.test.ts',
  DrizzleOrganisationRepository: 'tests/integration/contracts.test.ts',
  DrizzleTemplateRepository: 'tests/integration/contracts.test.ts',
  DrizzleBotSettingsRepository: 'tests/integration/contracts.test.ts',
  DrizzleBuilderProfileRepository: 'tests/integration/contracts.test.ts',
  DrizzleCatalogRepository: 'tests/integration/contracts.test.ts',
  DrizzleUnitOfWork: 'tests/integration/contracts.test.ts',
  DrizzleInboxRepository: 'tests/integration/contracts.test.ts',
  DrizzleMediaFetchQueue: 'tests/integration/contracts.test.ts',
  DrizzleDeadLetterRepository: 'tests/integration/contracts.test.ts',
  DrizzleApiKeyRepository: 'tests/integration/contracts.test.ts',
  DrizzleAppointmentRepository: 'tests/integration/contracts.test.ts',
  DrizzleReservationRepository: 'tests/integration/contracts.test.ts',
  DrizzlePersonalDataRepository: 'tests/integration/contracts.test.ts',
  DrizzleRateLimiter: 'tests/integration/contracts.test.ts',
  DrizzleMediaStore: 'tests/integration/contracts.test.ts',
  PostgresEventRelay: 'tests/integration/contracts.test.ts',
  InProcessWorkSignal: 'tests/contracts/in-memory.test.ts',
  PostgresWorkSignal: 'tests/integration/contracts.test.ts',
};

/**
 * Ports with adapters but no contract suite, and why that is acceptable. Add to this list only with a reason a
 * reviewer would accept; a port with two adapters that must agree belongs in `contractSuites` instead.
 */
export const exemptPorts: Readonly<Record<PortName, string>> = {
  // Two adapters that cannot disagree on anything a use case sees: "now" is a number either way.
  Clock: 'FixedClock and SystemClock; tests/adapters/clock-and-ids.test.ts',
  // The sequential one exists for readable tests; uniqueness of both is tested in tests/adapters/clock-and-ids.test.ts.
  IdGenerator: 'RandomIdGenerator and SequentialIdGenerator; tests/adapters/clock-and-ids.test.ts',
  // One adapter, no fake: its own test is the contract.
  ApiKeySecrets: 'NodeApiKeySecrets only; tested through tests/application/api-keys.test.ts',
  ContentTypeDetector: 'FileTypeContentDetector only; tests/adapters/file-type-content-detector.test.ts',
  QuoteDocumentRenderer: 'PdfQuoteDocumentRenderer only; tests/adapters/pdf-quote-document-renderer.test.ts',
  PhoneParser: 'LibPhoneNumberParser only; tests/adapters/libphonenumber-phone-parser.test.ts',
  // A capability of a unit of work, used only by the media stores beside the database: its meaning is what the
  // MediaStore suite's rolled-back transaction checks on disk and memory, and quote-pdf-rollback on PGlite.
  RollbackHooks:
    'InMemoryUnitOfWork and rollbackHooks(db); tests/contracts/media-store.contract.ts, tests/integration/quote-pdf-rollback.test.ts',
};
