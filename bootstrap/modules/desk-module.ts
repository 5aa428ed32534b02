import { ContainerModule } from 'inversify';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { FileTypeContentDetector } from '../../adapters/media/file-type-content-detector.ts';
import { PdfQuoteDocumentRenderer } from '../../adapters/pdf/pdf-quote-document-renderer.ts';
import type { ContentTypeDetector } from '../../application/ports/content-type-detector.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../../application/ports/clock.ts';
import type { EventPublisher } from '../../application/ports/events.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaStore } from '../../application/ports/media-store.ts';
import type { MessageGateway } from '../../application/ports/message-gateway.ts';
import type { QuoteDocumentRenderer } from '../../application/ports/quote-document-renderer.ts';
import type { TransactionalStore, UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { PublishingUnitOfWork } from '../../application/publishing-unit-of-work.ts';
import type { AgentMessageDeps } from '../../application/use-cases/agent-messages.ts';
import { DispatchOutbound } from '../../application/use-cases/dispatch-outbound.ts';
import { ShowTyping } from '../../application/use-cases/show-typing.ts';
import { MessagePipeline } from '../../application/message-pipeline.ts';
import type { WorkSignal } from '../../application/ports/work-signal.ts';
import type { ChannelMedia } from '../../application/ports/channel-media.ts';
import type { TemplateSource } from '../../application/ports/template-source.ts';
import { ApplyTemplateStatusUpdates } from '../../application/use-cases/apply-template-status-updates.ts';
import { FetchInboundMedia } from '../../application/use-cases/fetch-inbound-media.ts';
import { SendAppointmentReminders } from '../../application/use-cases/send-appointment-reminders.ts';
import { SyncTemplates } from '../../application/use-cases/sync-templates.ts';
import { inboxHandlers, ProcessInbox } from '../../application/use-cases/process-inbox.ts';
import type { QuoteUnitDeps } from '../../application/steps/quote-unit.ts';
import { ReceiveInbound } from '../../application/use-cases/receive-inbound.ts';
import { SendAgentMessage } from '../../application/use-cases/send-agent-message.ts';
import { inboxReport, mediaReport, reminderReport } from '../inbox-report.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage.ts';
import { TOKENS } from '../tokens.ts';

/** Storage: the durable one when given (PGlite or PostgreSQL), else in memory (unit tests). */
export const storageModule = (storage: Storage | null) =>
  new ContainerModule(({ bind, rebind }) => {
    if (storage === null) {
      const store = new InMemoryStore();
      const transactions = new InMemoryUnitOfWork(store);
      bind(TOKENS.Store).toConstantValue(transactions);
      bind(TOKENS.MediaStore).toResolvedValue(
        (ids: IdGenerator) => new InMemoryMediaStore({ ids, transactions }),
        [TOKENS.IdGenerator],
      );
    } else {
      bind(TOKENS.Store).toConstantValue(storage.store);
      bind(TOKENS.MediaStore).toConstantValue(storage.media);
      rebind(TOKENS.Readiness).toConstantValue(storage.ping);
    }
    bind(TOKENS.UnitOfWork).toResolvedValue(
      (store: TransactionalStore, events: EventPublisher) => new PublishingUnitOfWork(store, events),
      [TOKENS.Store, TOKENS.EventPublisher],
    );
    bind(TOKENS.QuoteDocumentRenderer).toConstantValue(new PdfQuoteDocumentRenderer());
    bind(TOKENS.ContentTypeDetector).toConstantValue(new FileTypeContentDetector());
  });

/**
 * Inbox entries one instance processes at once (different leads; see `ProcessInboxOptions.workers`). Measured
 * with `npm run bench` on 2 cores: one at a time leaves both the app and PostgreSQL half idle while a bot turn
 * waits on its round trips (98 turns/s, reply p99 526 ms); two give 137 turns/s and p99 220 ms; four give
 * 162 turns/s and p99 172 ms but take enough of the machine from the webhook to cut its acks from 1,086/s to 902/s.
 */
const INBOX_WORKERS = 2;

/** The use cases, one binding each. */
export const useCaseModule = () =>
  new ContainerModule(({ bind }) => {
    // What a bot turn and the visit card quote a unit with (the PDF rendered outside the transaction).
    bind(TOKENS.QuoteUnitDeps).toResolvedValue(
      (clock: Clock, ids: IdGenerator, renderer: QuoteDocumentRenderer, media: MediaStore, config: Config) => ({
        clock,
        ids,
        renderer,
        media,
        housingRules: config.housingRules,
      }),
      [TOKENS.Clock, TOKENS.IdGenerator, TOKENS.QuoteDocumentRenderer, TOKENS.MediaStore, TOKENS.Config],
    );
    // What an advisor's messages are checked and queued with, shared by SendAgentMessage and SendQuote.
    bind(TOKENS.AgentMessageDeps).toResolvedValue(
      (clock: Clock, ids: IdGenerator, media: MediaStore, detector: ContentTypeDetector) => ({
        clock,
        ids,
        media,
        detector,
      }),
      [TOKENS.Clock, TOKENS.IdGenerator, TOKENS.MediaStore, TOKENS.ContentTypeDetector],
    );
    bind(TOKENS.SendAgentMessage).toResolvedValue(
      (uow: UnitOfWork, deps: AgentMessageDeps) => new SendAgentMessage(uow, deps),
      [TOKENS.UnitOfWork, TOKENS.AgentMessageDeps],
    );
    bind(TOKENS.ReceiveInbound).toResolvedValue(
      (uow: UnitOfWork, clock: Clock) => new ReceiveInbound(uow, clock),
      [TOKENS.UnitOfWork, TOKENS.Clock],
    );
    bind(TOKENS.ProcessInbox).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, deps: QuoteUnitDeps, logger: Logger) =>
        new ProcessInbox(uow, clock, inboxHandlers(deps), { report: inboxReport(logger), workers: INBOX_WORKERS }),
      [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.QuoteUnitDeps, TOKENS.Logger],
    );
    bind(TOKENS.FetchInboundMedia).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, channel: ChannelMedia, media: MediaStore, logger: Logger) =>
        new FetchInboundMedia(uow, clock, ids, channel, media, { report: mediaReport(logger) }),
      [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator, TOKENS.ChannelMedia, TOKENS.MediaStore, TOKENS.Logger],
    );
    bind(TOKENS.SendAppointmentReminders).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, config: Config, logger: Logger) =>
        new SendAppointmentReminders(uow, clock, ids, config.reminders, { report: reminderReport(logger) }),
      [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator, TOKENS.Config, TOKENS.Logger],
    );
    bind(TOKENS.SyncTemplates).toResolvedValue(
      (uow: UnitOfWork, source: TemplateSource) => new SyncTemplates(uow, source),
      [TOKENS.UnitOfWork, TOKENS.TemplateSource],
    );
    bind(TOKENS.ApplyTemplateStatusUpdates).toResolvedValue(
      (uow: UnitOfWork) => new ApplyTemplateStatusUpdates(uow),
      [TOKENS.UnitOfWork],
    );
    bind(TOKENS.DispatchOutbound).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, gateway: MessageGateway, events: EventPublisher) =>
        new DispatchOutbound(uow, clock, gateway, events, { jitter: Math.random }),
      [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.MessageGateway, TOKENS.EventPublisher],
    );
    // Listening from the moment it is built (with the HTTP app, the server, a test's desk): whatever stores
    // work wakes it. The safety poll is the server's (`startWorkers`).
    bind(TOKENS.MessagePipeline)
      .toResolvedValue(
        (
          receive: ReceiveInbound,
          inbox: ProcessInbox,
          outbox: DispatchOutbound,
          media: FetchInboundMedia,
          reminders: SendAppointmentReminders,
          signal: WorkSignal,
          logger: Logger,
          gateway: MessageGateway,
        ) => {
          const typing = new ShowTyping(gateway);
          const pipeline = new MessagePipeline({ receive, inbox, outbox, media, reminders, typing }, signal, {
            onError: (error) =>
              logger.error(
                { event: 'worker_tick_failed', err: error },
                'Message pipeline failed; the next wake-up or poll retries',
              ),
          });
          pipeline.start();
          return pipeline;
        },
        [
          TOKENS.ReceiveInbound,
          TOKENS.ProcessInbox,
          TOKENS.DispatchOutbound,
          TOKENS.FetchInboundMedia,
          TOKENS.SendAppointmentReminders,
          TOKENS.WorkSignal,
          TOKENS.Logger,
          TOKENS.MessageGateway,
        ],
      )
      .onDeactivation((pipeline) => pipeline.stop());
  });
