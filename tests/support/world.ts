import { FixedClock } from '../../adapters/clock/fixed-clock.ts';
import { SequentialIdGenerator } from '../../adapters/ids/sequential-id-generator.ts';
import { PdfQuoteDocumentRenderer } from '../../adapters/pdf/pdf-quote-document-renderer.ts';
import { FileTypeContentDetector } from '../../adapters/media/file-type-content-detector.ts';
import { InMemoryEventPublisher } from '../../adapters/memory/in-memory-event-publisher.ts';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { FakeWhatsApp, FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import type { Repositories } from '../../application/ports/unit-of-work.ts';
import type { InboundEnvelope } from '../../application/ports/inbound.ts';
import { recordDeliveryStatus } from '../../application/steps/delivery-status.ts';
import type { QuoteUnitDeps } from '../../application/steps/quote-unit.ts';
import { takeInboundMessage } from '../../application/steps/inbound-message.ts';
import { withQuoteDrafts } from '../../application/use-cases/quote-drafts.ts';
import { DispatchOutbound } from '../../application/use-cases/dispatch-outbound.ts';
import { type Catalog, emptyCatalog } from '../../domain/catalog/catalog.ts';
import type { Conversation } from '../../domain/conversation/conversation.ts';
import type { Lead, Visit } from '../../domain/lead/lead.ts';
import type { InboundMessage, OutboundMessage } from '../../domain/messaging/message.ts';
import type { AdvisorGroup, BusinessLine, User } from '../../domain/organisation/organisation.ts';
import type { Instant } from '../../domain/shared/time.ts';
import type { Template } from '../../domain/templates/template.ts';
import { T0 } from './t0.ts';
import { unitOfWorkOver } from './unit-of-work.ts';

/** The rows a use-case test starts from; each is saved through its repository, in this order. */
export type Given = {
  readonly lines?: readonly BusinessLine[];
  readonly users?: readonly User[];
  readonly groups?: readonly AdvisorGroup[];
  readonly catalog?: Partial<Catalog>;
  readonly templates?: readonly Template[];
  readonly leads?: readonly Lead[];
  readonly visits?: readonly Visit[];
  readonly conversations?: readonly Conversation[];
  readonly inbound?: readonly InboundMessage[];
  readonly outbound?: readonly OutboundMessage[];
};

const save = async (repos: Repositories, given: Given): Promise<void> => {
  for (const line of given.lines ?? []) await repos.lines.save(line);
  for (const user of given.users ?? []) await repos.organisation.saveUser(user);
  for (const group of given.groups ?? []) await repos.organisation.saveGroup(group);
  if (given.catalog !== undefined) await repos.catalog.upsert({ ...emptyCatalog, ...given.catalog });
  for (const template of given.templates ?? []) await repos.templates.save(template);
  for (const lead of given.leads ?? []) await repos.leads.save(lead);
  for (const visit of given.visits ?? []) await repos.visits.save(visit);
  for (const conversation of given.conversations ?? []) await repos.conversations.save(conversation);
  for (const message of given.inbound ?? []) await repos.messages.addInbound(message);
  for (const message of given.outbound ?? []) await repos.messages.saveOutbound(message);
};

/**
 * What a use case is built from in a unit test: one in-memory store behind a unit of work that publishes
 * each committed transaction's events, a fixed clock, sequential ids and a media store beside the store.
 * It is also what an advisor's messages are checked with (`AgentMessageDeps`): `new SendAgentMessage(w.uow, w)`.
 */
export const aWorld = (start: Instant = T0) => {
  const store = new InMemoryStore();
  const transactions = new InMemoryUnitOfWork(store);
  const events = new InMemoryEventPublisher();
  const ids = new SequentialIdGenerator();
  const uow = unitOfWorkOver(transactions, events);
  return {
    store,
    uow,
    events,
    ids,
    clock: new FixedClock(start),
    media: new InMemoryMediaStore({ store, ids, transactions }),
    detector: new FileTypeContentDetector(),
    /** Saves the rows a test needs, in one transaction. */
    given: (rows: Given): Promise<void> => uow.transaction((repos) => save(repos, rows)),
    /** Reads the stored state through the repositories. */
    read: <T>(f: (repos: Repositories) => Promise<T>): Promise<T> => uow.transaction(f),
  };
};

export type World = ReturnType<typeof aWorld>;

/**
 * The outbox use case sending through a fake WhatsApp that records what it accepted; the receipts it plays
 * (`reportStatus`) go through the inbox worker's step, each in a transaction of its own.
 */
export const outboxOf = (
  world: World,
  deliver: (envelope: InboundEnvelope) => Promise<void> = () =>
    Promise.reject(new Error('this test plays no inbound message')),
) => {
  const whatsapp = new FakeWhatsApp({
    clock: world.clock,
    phoneNumberId: FAKE_PHONE_NUMBER_ID,
    deliver,
    onStatus: async (status) => {
      await world.uow.transaction((tx) => recordDeliveryStatus(tx, status));
    },
  });
  const outbox = new DispatchOutbound(world.uow, world.clock, whatsapp, world.events, { jitter: () => 0.5 });
  return { whatsapp, dispatch: () => outbox.execute() };
};

/** What the bot and the visit card quote a unit with: the world's clock, ids and media, and the PDF renderer. */
export const quoteDepsOf = (world: World): QuoteUnitDeps => ({ ...world, renderer: new PdfQuoteDocumentRenderer() });

/**
 * The inbox worker's step for one message, in a transaction of its own, for its outcome; the bot quotes with
 * the PDF renderer and the world's media store. Replies it queued leave with `outboxOf(world).dispatch()`.
 */
export const inboxStepOf = (world: World) => {
  const deps = quoteDepsOf(world);
  return (envelope: InboundEnvelope) =>
    withQuoteDrafts((drafts) => world.uow.transaction((tx) => takeInboundMessage(tx, deps, envelope, drafts)));
};

/**
 * The fake WhatsApp over the inbox step and the outbox, with no pipeline: what a fake lead says is taken by the
 * step and the replies it queued are sent before `say` resolves.
 */
export const chatOf = (world: World) => {
  const take = inboxStepOf(world);
  const outbox = outboxOf(world, async (envelope) => {
    await take(envelope);
    await outbox.dispatch();
  });
  return { ...outbox, take };
};
