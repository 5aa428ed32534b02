import { ContainerModule } from 'inversify';
import { InMemoryMediaStore } from '../../adapters/memory/in-memory-media-store.ts';
import { InMemoryStore } from '../../adapters/memory/in-memory-store.ts';
import { InMemoryUnitOfWork } from '../../adapters/memory/in-memory-unit-of-work.ts';
import { FileTypeContentDetector } from '../../adapters/media/file-type-content-detector.ts';
import { PdfQuoteDocumentRenderer } from '../../adapters/pdf/pdf-quote-document-renderer.ts';
import type { ContentTypeDetector } from '../../application/ports/content-type-detector.ts';
import type { Clock } from '../../application/ports/clock.ts';
import type { EventPublisher } from '../../application/ports/events.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaStore } from '../../application/ports/media-store.ts';
import type { MessageGateway } from '../../application/ports/message-gateway.ts';
import type { QuoteDocumentRenderer } from '../../application/ports/quote-document-renderer.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import type { AgentMessageDeps } from '../../application/use-cases/agent-messages.ts';
import { DispatchOutbound } from '../../application/use-cases/dispatch-outbound.ts';
import { MessagePipeline } from '../../application/message-pipeline.ts';
import type { WorkSignal } from '../../application/ports/work-signal.ts';
import { HandleInboundMessage } from '../../application/use-cases/handle-inbound-message.ts';
import type { ChannelMedia } from '../../application/ports/channel-media.ts';
import type { TemplateSource } from '../../application/ports/template-source.ts';
import { ApplyTemplateStatusUpdates } from '../../application/use-cases/apply-template-status-updates.ts';
import { FetchInboundMedia } from '../../application/use-cases/fetch-inbound-media.ts';
import { SyncTemplates } from '../../application/use-cases/sync-templates.ts';
import { ProcessInbox } from '../../application/use-cases/process-inbox.ts';
import { ReceiveInbound } from '../../application/use-cases/receive-inbound.ts';
import { RecordDeliveryStatus } from '../../application/use-cases/record-delivery-status.ts';
import { RegisterLead } from '../../application/use-cases/register-lead.ts';
import { RunBot } from '../../application/use-cases/run-bot.ts';
import { SendAgentMessage } from '../../application/use-cases/send-agent-message.ts';
import { SimulateQuote } from '../../application/use-cases/simulate-quote.ts';
import { inboxReport, mediaReport } from '../inbox-report.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage.ts';
import { TOKENS } from '../tokens.ts';

/** Storage: the durable one when given (PGlite or PostgreSQL), else in memory (unit tests). */
export const storageModule = (storage: Storage | null) =>
  new ContainerModule(({ bind, rebind }) => {
    if (storage === null) {
      const store = new InMemoryStore();
      const uow = new InMemoryUnitOfWork(store);
      bind(TOKENS.UnitOfWork).toConstantValue(uow);
      bind(TOKENS.MediaStore).toResolvedValue(
        (ids: IdGenerator) => new InMemoryMediaStore({ ids, transactions: uow }),
        [TOKENS.IdGenerator],
      );
    } else {
      bind(TOKENS.UnitOfWork).toConstantValue(storage.uow);
      bind(TOKENS.MediaStore).toConstantValue(storage.media);
      rebind(TOKENS.Readiness).toConstantValue(storage.ping);
    }
    bind(TOKENS.QuoteDocumentRenderer).toConstantValue(new PdfQuoteDocumentRenderer());
    bind(TOKENS.ContentTypeDetector).toConstantValue(new FileTypeContentDetector());
  });

/**
 * Inbox entries one instance processes at once (different leads; see `ProcessInboxOptions.workers`). Measured
 * with `npm run bench`: one at a time leaves both the app and PostgreSQL half idle while a bot turn waits on
 * its round trips, and a busy line's replies queue behind each other.
 */
const INBOX_WORKERS = 4;

/** The use cases, one binding each. */
export const useCaseModule = () =>
  new ContainerModule(({ bind }) => {
    bind(TOKENS.RegisterLead).toResolvedValue(
      (clock: Clock, ids: IdGenerator) => new RegisterLead(clock, ids),
      [TOKENS.Clock, TOKENS.IdGenerator],
    );
    bind(TOKENS.SimulateQuote).toResolvedValue(
      (clock: Clock, ids: IdGenerator, renderer: QuoteDocumentRenderer, media: MediaStore) =>
        new SimulateQuote(clock, ids, renderer, media),
      [TOKENS.Clock, TOKENS.IdGenerator, TOKENS.QuoteDocumentRenderer, TOKENS.MediaStore],
    );
    bind(TOKENS.RunBot).toResolvedValue(
      (clock: Clock, ids: IdGenerator, register: RegisterLead, quote: SimulateQuote) =>
        new RunBot(clock, ids, register, quote),
      [TOKENS.Clock, TOKENS.IdGenerator, TOKENS.RegisterLead, TOKENS.SimulateQuote],
    );
    bind(TOKENS.HandleInboundMessage).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, events: EventPublisher, bot: RunBot) =>
        new HandleInboundMessage(uow, clock, ids, events, bot),
      [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator, TOKENS.EventPublisher, TOKENS.RunBot],
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
      (uow: UnitOfWork, events: EventPublisher, deps: AgentMessageDeps) => new SendAgentMessage(uow, events, deps),
      [TOKENS.UnitOfWork, TOKENS.EventPublisher, TOKENS.AgentMessageDeps],
    );
    bind(TOKENS.RecordDeliveryStatus).toResolvedValue(
      (uow: UnitOfWork, events: EventPublisher) => new RecordDeliveryStatus(uow, events),
      [TOKENS.UnitOfWork, TOKENS.EventPublisher],
    );
    bind(TOKENS.ReceiveInbound).toResolvedValue(
      (uow: UnitOfWork, clock: Clock) => new ReceiveInbound(uow, clock),
      [TOKENS.UnitOfWork, TOKENS.Clock],
    );
    bind(TOKENS.ProcessInbox).toResolvedValue(
      (
        uow: UnitOfWork,
        clock: Clock,
        inbound: HandleInboundMessage,
        statuses: RecordDeliveryStatus,
        events: EventPublisher,
        logger: Logger,
      ) =>
        new ProcessInbox(uow, clock, inbound, statuses, events, {
          report: inboxReport(logger),
          workers: INBOX_WORKERS,
        }),
      [
        TOKENS.UnitOfWork,
        TOKENS.Clock,
        TOKENS.HandleInboundMessage,
        TOKENS.RecordDeliveryStatus,
        TOKENS.EventPublisher,
        TOKENS.Logger,
      ],
    );
    bind(TOKENS.FetchInboundMedia).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, channel: ChannelMedia, media: MediaStore, logger: Logger) =>
        new FetchInboundMedia(uow, clock, ids, channel, media, { report: mediaReport(logger) }),
      [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator, TOKENS.ChannelMedia, TOKENS.MediaStore, TOKENS.Logger],
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
          signal: WorkSignal,
          logger: Logger,
        ) => {
          const pipeline = new MessagePipeline({ receive, inbox, outbox, media }, signal, {
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
          TOKENS.WorkSignal,
          TOKENS.Logger,
        ],
      )
      .onDeactivation((pipeline) => pipeline.stop());
  });
