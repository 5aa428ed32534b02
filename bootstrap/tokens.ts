import type { ServiceIdentifier } from 'inversify';
import type { HttpApp } from '../adapters/http/create-http-app.ts';
import type { ClientIp } from '../adapters/http/client-ip.ts';
import type { RequestLimits } from '../adapters/http/request-limits.ts';
import type { RateLimiter } from '../application/ports/rate-limiter.ts';
import type { ApplyRateLimit } from '../application/use-cases/apply-rate-limit.ts';
import type { Clock } from '../application/ports/clock.ts';
import type { IdGenerator } from '../application/ports/id-generator.ts';
import type { ChannelMedia } from '../application/ports/channel-media.ts';
import type { EventPublisher } from '../application/ports/events.ts';
import type { TemplateSource } from '../application/ports/template-source.ts';
import type { ApplyTemplateStatusUpdates } from '../application/use-cases/apply-template-status-updates.ts';
import type { FetchInboundMedia } from '../application/use-cases/fetch-inbound-media.ts';
import type { SyncTemplates } from '../application/use-cases/sync-templates.ts';
import type { MediaStore } from '../application/ports/media-store.ts';
import type { ContentTypeDetector } from '../application/ports/content-type-detector.ts';
import type { MessageGateway } from '../application/ports/message-gateway.ts';
import type { QuoteDocumentRenderer } from '../application/ports/quote-document-renderer.ts';
import type { TransactionalStore, UnitOfWork } from '../application/ports/unit-of-work.ts';
import type { DispatchOutbound } from '../application/use-cases/dispatch-outbound.ts';
import type { MessagePipeline } from '../application/message-pipeline.ts';
import type { WorkSignal } from '../application/ports/work-signal.ts';
import type { ProcessInbox } from '../application/use-cases/process-inbox.ts';
import type { ReceiveInbound } from '../application/use-cases/receive-inbound.ts';
import type { CreateLead } from '../application/use-cases/create-lead.ts';
import type { GetConversation } from '../application/use-cases/get-conversation.ts';
import type { HandBackConversation } from '../application/use-cases/hand-back-conversation.ts';
import type { MarkConversationRead } from '../application/use-cases/mark-conversation-read.ts';
import type { ListUnregisteredVisitors } from '../application/use-cases/list-unregistered-visitors.ts';
import type { TakeOverConversation } from '../application/use-cases/take-over-conversation.ts';
import type { GetLead } from '../application/use-cases/get-lead.ts';
import type { ListLeads } from '../application/use-cases/list-leads.ts';
import type { ListVisits } from '../application/use-cases/list-visits.ts';
import type { OpenVisit } from '../application/use-cases/open-visit.ts';
import type { SendAgentMessage } from '../application/use-cases/send-agent-message.ts';
import type { InMemoryEventPublisher } from '../adapters/memory/in-memory-event-publisher.ts';
import type { FakeWhatsApp } from '../adapters/whatsapp/fake/fake-whatsapp.ts';
import type { ApiKeySecrets } from '../application/ports/api-key-secrets.ts';
import type { AuthenticateApiKey } from '../application/use-cases/authenticate-api-key.ts';
import type { CreateUser } from '../application/use-cases/create-user.ts';
import type { IssueApiKey } from '../application/use-cases/issue-api-key.ts';
import type { ListUsers } from '../application/use-cases/list-users.ts';
import type { RevokeApiKey } from '../application/use-cases/revoke-api-key.ts';
import type { ListApiKeys } from '../application/use-cases/list-api-keys.ts';
import type { DeactivateUser } from '../application/use-cases/deactivate-user.ts';
import type { ReactivateUser } from '../application/use-cases/reactivate-user.ts';
import type { DiscardDeadLetter } from '../application/use-cases/discard-dead-letter.ts';
import type { GetDeadLetter } from '../application/use-cases/get-dead-letter.ts';
import type { ListDeadLetters } from '../application/use-cases/list-dead-letters.ts';
import type { RetryDeadLetter } from '../application/use-cases/retry-dead-letter.ts';
import type { CreateVisitQuote } from '../application/use-cases/create-visit-quote.ts';
import type { GetMedia } from '../application/use-cases/get-media.ts';
import type { ListTemplates } from '../application/use-cases/list-templates.ts';
import type { ListVisitQuotes } from '../application/use-cases/list-visit-quotes.ts';
import type { RefreshTemplates } from '../application/use-cases/refresh-templates.ts';
import type { SendQuote } from '../application/use-cases/send-quote.ts';
import type { GetQuote } from '../application/use-cases/get-quote.ts';
import type { UploadMedia } from '../application/use-cases/upload-media.ts';
import type { ResolveEventAudience } from '../application/use-cases/resolve-event-audience.ts';
import type { CreateAdvisorGroup } from '../application/use-cases/create-advisor-group.ts';
import type { GetBotSettings } from '../application/use-cases/get-bot-settings.ts';
import type { GetBuilderProfile } from '../application/use-cases/get-builder-profile.ts';
import type { ListAdvisorGroups } from '../application/use-cases/list-advisor-groups.ts';
import type { ListLines } from '../application/use-cases/list-lines.ts';
import type { ListPriceBuckets } from '../application/use-cases/list-price-buckets.ts';
import type { ListProjects } from '../application/use-cases/list-projects.ts';
import type { ReplacePriceBuckets } from '../application/use-cases/replace-price-buckets.ts';
import type { SaveLine } from '../application/use-cases/save-line.ts';
import type { UpdateAdvisorGroup } from '../application/use-cases/update-advisor-group.ts';
import type { UpdateBotTexts } from '../application/use-cases/update-bot-texts.ts';
import type { UpdateFunnelSettings } from '../application/use-cases/update-funnel-settings.ts';
import type { RecordSeparationPayment } from '../application/use-cases/record-separation-payment.ts';
import type { ExpireReservations } from '../application/use-cases/expire-reservations.ts';
import type { UpdateBuilderProfile } from '../application/use-cases/update-builder-profile.ts';
import type { UpdateDataPolicy } from '../application/use-cases/update-data-policy.ts';
import type { UpsertProject } from '../application/use-cases/upsert-project.ts';
import type { CancelReservation } from '../application/use-cases/cancel-reservation.ts';
import type { AuthoriseReservation } from '../application/use-cases/authorise-reservation.ts';
import type { ChangeVisitStage } from '../application/use-cases/change-visit-stage.ts';
import type { GetVisitCard } from '../application/use-cases/get-visit-card.ts';
import type { ListAgenda } from '../application/use-cases/list-agenda.ts';
import type { ReserveUnit } from '../application/use-cases/reserve-unit.ts';
import type { ScheduleAppointment } from '../application/use-cases/schedule-appointment.ts';
import type { RescheduleAppointment } from '../application/use-cases/reschedule-appointment.ts';
import type { ChangeAppointmentStatus } from '../application/use-cases/change-appointment-status.ts';
import type { SendAppointmentReminders } from '../application/use-cases/send-appointment-reminders.ts';
import type { SetWorkingHours } from '../application/use-cases/set-working-hours.ts';
import type { PhoneParser } from '../application/ports/phone-parser.ts';
import type { GraphClient } from '../adapters/whatsapp/meta-cloud/graph-client.ts';
import type { ThroughputLimiter } from '../adapters/whatsapp/meta-cloud/throughput-limiter.ts';
import type { AgentMessageDeps } from '../application/use-cases/agent-messages.ts';
import type { QuoteUnitDeps } from '../application/steps/quote-unit.ts';
import type { EraseLead } from '../application/use-cases/erase-lead.ts';
import type { ExportPersonalData } from '../application/use-cases/export-personal-data.ts';
import type { ListDataSubjectRequests } from '../application/use-cases/list-data-subject-requests.ts';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';

/** Whether the app's dependencies answer; modules that own a dependency (e.g. the database) rebind it. */
export type Readiness = () => Promise<boolean>;

/**
 * Typed container keys. `Symbol.for` keeps them equal across module instances (tsx reloads, tests);
 * the `ServiceIdentifier<T>` cast is what makes `container.get(TOKENS.Clock)` return a `Clock`.
 */
export const TOKENS = {
  Config: Symbol.for('Config') as ServiceIdentifier<Config>,
  Logger: Symbol.for('Logger') as ServiceIdentifier<Logger>,
  Clock: Symbol.for('Clock') as ServiceIdentifier<Clock>,
  IdGenerator: Symbol.for('IdGenerator') as ServiceIdentifier<IdGenerator>,
  Readiness: Symbol.for('Readiness') as ServiceIdentifier<Readiness>,
  HttpApp: Symbol.for('HttpApp') as ServiceIdentifier<HttpApp>,
  /** Milliseconds between the heartbeat comments of `GET /api/v1/events` (tests shorten it). */
  EventHeartbeatMs: Symbol.for('EventHeartbeatMs') as ServiceIdentifier<number>,
  /** Storage's own transactions; use cases get `UnitOfWork`, which publishes what each transaction recorded. */
  Store: Symbol.for('Store') as ServiceIdentifier<TransactionalStore>,
  UnitOfWork: Symbol.for('UnitOfWork') as ServiceIdentifier<UnitOfWork>,
  MediaStore: Symbol.for('MediaStore') as ServiceIdentifier<MediaStore>,
  ContentTypeDetector: Symbol.for('ContentTypeDetector') as ServiceIdentifier<ContentTypeDetector>,
  Events: Symbol.for('Events') as ServiceIdentifier<InMemoryEventPublisher>,
  EventPublisher: Symbol.for('EventPublisher') as ServiceIdentifier<EventPublisher>,
  QuoteDocumentRenderer: Symbol.for('QuoteDocumentRenderer') as ServiceIdentifier<QuoteDocumentRenderer>,
  MessageGateway: Symbol.for('MessageGateway') as ServiceIdentifier<MessageGateway>,
  GraphClient: Symbol.for('GraphClient') as ServiceIdentifier<GraphClient>,
  ThroughputLimiter: Symbol.for('ThroughputLimiter') as ServiceIdentifier<ThroughputLimiter>,
  ChannelMedia: Symbol.for('ChannelMedia') as ServiceIdentifier<ChannelMedia>,
  TemplateSource: Symbol.for('TemplateSource') as ServiceIdentifier<TemplateSource>,
  FetchInboundMedia: Symbol.for('FetchInboundMedia') as ServiceIdentifier<FetchInboundMedia>,
  SyncTemplates: Symbol.for('SyncTemplates') as ServiceIdentifier<SyncTemplates>,
  ApplyTemplateStatusUpdates: Symbol.for('ApplyTemplateStatusUpdates') as ServiceIdentifier<ApplyTemplateStatusUpdates>,
  FakeWhatsApp: Symbol.for('FakeWhatsApp') as ServiceIdentifier<FakeWhatsApp>,
  QuoteUnitDeps: Symbol.for('QuoteUnitDeps') as ServiceIdentifier<QuoteUnitDeps>,
  SendAgentMessage: Symbol.for('SendAgentMessage') as ServiceIdentifier<SendAgentMessage>,
  AgentMessageDeps: Symbol.for('AgentMessageDeps') as ServiceIdentifier<AgentMessageDeps>,
  DispatchOutbound: Symbol.for('DispatchOutbound') as ServiceIdentifier<DispatchOutbound>,
  ReceiveInbound: Symbol.for('ReceiveInbound') as ServiceIdentifier<ReceiveInbound>,
  WorkSignal: Symbol.for('WorkSignal') as ServiceIdentifier<WorkSignal>,
  MessagePipeline: Symbol.for('MessagePipeline') as ServiceIdentifier<MessagePipeline>,
  ListLeads: Symbol.for('ListLeads') as ServiceIdentifier<ListLeads>,
  GetLead: Symbol.for('GetLead') as ServiceIdentifier<GetLead>,
  CreateLead: Symbol.for('CreateLead') as ServiceIdentifier<CreateLead>,
  PhoneParser: Symbol.for('PhoneParser') as ServiceIdentifier<PhoneParser>,
  ListVisits: Symbol.for('ListVisits') as ServiceIdentifier<ListVisits>,
  OpenVisit: Symbol.for('OpenVisit') as ServiceIdentifier<OpenVisit>,
  GetConversation: Symbol.for('GetConversation') as ServiceIdentifier<GetConversation>,
  MarkConversationRead: Symbol.for('MarkConversationRead') as ServiceIdentifier<MarkConversationRead>,
  ListUnregisteredVisitors: Symbol.for('ListUnregisteredVisitors') as ServiceIdentifier<ListUnregisteredVisitors>,
  TakeOverConversation: Symbol.for('TakeOverConversation') as ServiceIdentifier<TakeOverConversation>,
  HandBackConversation: Symbol.for('HandBackConversation') as ServiceIdentifier<HandBackConversation>,
  ProcessInbox: Symbol.for('ProcessInbox') as ServiceIdentifier<ProcessInbox>,
  ApiKeySecrets: Symbol.for('ApiKeySecrets') as ServiceIdentifier<ApiKeySecrets>,
  AuthenticateApiKey: Symbol.for('AuthenticateApiKey') as ServiceIdentifier<AuthenticateApiKey>,
  CreateUser: Symbol.for('CreateUser') as ServiceIdentifier<CreateUser>,
  ListUsers: Symbol.for('ListUsers') as ServiceIdentifier<ListUsers>,
  IssueApiKey: Symbol.for('IssueApiKey') as ServiceIdentifier<IssueApiKey>,
  RevokeApiKey: Symbol.for('RevokeApiKey') as ServiceIdentifier<RevokeApiKey>,
  RateLimiter: Symbol.for('RateLimiter') as ServiceIdentifier<RateLimiter>,
  ApplyRateLimit: Symbol.for('ApplyRateLimit') as ServiceIdentifier<ApplyRateLimit>,
  RequestLimits: Symbol.for('RequestLimits') as ServiceIdentifier<RequestLimits>,
  ClientIp: Symbol.for('ClientIp') as ServiceIdentifier<ClientIp>,
  ListApiKeys: Symbol.for('ListApiKeys') as ServiceIdentifier<ListApiKeys>,
  DeactivateUser: Symbol.for('DeactivateUser') as ServiceIdentifier<DeactivateUser>,
  ReactivateUser: Symbol.for('ReactivateUser') as ServiceIdentifier<ReactivateUser>,
  ListDeadLetters: Symbol.for('ListDeadLetters') as ServiceIdentifier<ListDeadLetters>,
  GetDeadLetter: Symbol.for('GetDeadLetter') as ServiceIdentifier<GetDeadLetter>,
  RetryDeadLetter: Symbol.for('RetryDeadLetter') as ServiceIdentifier<RetryDeadLetter>,
  DiscardDeadLetter: Symbol.for('DiscardDeadLetter') as ServiceIdentifier<DiscardDeadLetter>,
  ListTemplates: Symbol.for('ListTemplates') as ServiceIdentifier<ListTemplates>,
  RefreshTemplates: Symbol.for('RefreshTemplates') as ServiceIdentifier<RefreshTemplates>,
  UploadMedia: Symbol.for('UploadMedia') as ServiceIdentifier<UploadMedia>,
  GetMedia: Symbol.for('GetMedia') as ServiceIdentifier<GetMedia>,
  CreateVisitQuote: Symbol.for('CreateVisitQuote') as ServiceIdentifier<CreateVisitQuote>,
  ListVisitQuotes: Symbol.for('ListVisitQuotes') as ServiceIdentifier<ListVisitQuotes>,
  SendQuote: Symbol.for('SendQuote') as ServiceIdentifier<SendQuote>,
  GetQuote: Symbol.for('GetQuote') as ServiceIdentifier<GetQuote>,
  ListAdvisorGroups: Symbol.for('ListAdvisorGroups') as ServiceIdentifier<ListAdvisorGroups>,
  CreateAdvisorGroup: Symbol.for('CreateAdvisorGroup') as ServiceIdentifier<CreateAdvisorGroup>,
  UpdateAdvisorGroup: Symbol.for('UpdateAdvisorGroup') as ServiceIdentifier<UpdateAdvisorGroup>,
  ListLines: Symbol.for('ListLines') as ServiceIdentifier<ListLines>,
  SaveLine: Symbol.for('SaveLine') as ServiceIdentifier<SaveLine>,
  ListProjects: Symbol.for('ListProjects') as ServiceIdentifier<ListProjects>,
  UpsertProject: Symbol.for('UpsertProject') as ServiceIdentifier<UpsertProject>,
  ListPriceBuckets: Symbol.for('ListPriceBuckets') as ServiceIdentifier<ListPriceBuckets>,
  ReplacePriceBuckets: Symbol.for('ReplacePriceBuckets') as ServiceIdentifier<ReplacePriceBuckets>,
  GetBotSettings: Symbol.for('GetBotSettings') as ServiceIdentifier<GetBotSettings>,
  UpdateDataPolicy: Symbol.for('UpdateDataPolicy') as ServiceIdentifier<UpdateDataPolicy>,
  UpdateBotTexts: Symbol.for('UpdateBotTexts') as ServiceIdentifier<UpdateBotTexts>,
  UpdateFunnelSettings: Symbol.for('UpdateFunnelSettings') as ServiceIdentifier<UpdateFunnelSettings>,
  GetBuilderProfile: Symbol.for('GetBuilderProfile') as ServiceIdentifier<GetBuilderProfile>,
  UpdateBuilderProfile: Symbol.for('UpdateBuilderProfile') as ServiceIdentifier<UpdateBuilderProfile>,
  ResolveEventAudience: Symbol.for('ResolveEventAudience') as ServiceIdentifier<ResolveEventAudience>,
  GetVisitCard: Symbol.for('GetVisitCard') as ServiceIdentifier<GetVisitCard>,
  ChangeVisitStage: Symbol.for('ChangeVisitStage') as ServiceIdentifier<ChangeVisitStage>,
  ScheduleAppointment: Symbol.for('ScheduleAppointment') as ServiceIdentifier<ScheduleAppointment>,
  RescheduleAppointment: Symbol.for('RescheduleAppointment') as ServiceIdentifier<RescheduleAppointment>,
  ChangeAppointmentStatus: Symbol.for('ChangeAppointmentStatus') as ServiceIdentifier<ChangeAppointmentStatus>,
  SendAppointmentReminders: Symbol.for('SendAppointmentReminders') as ServiceIdentifier<SendAppointmentReminders>,
  SetWorkingHours: Symbol.for('SetWorkingHours') as ServiceIdentifier<SetWorkingHours>,
  ListAgenda: Symbol.for('ListAgenda') as ServiceIdentifier<ListAgenda>,
  ReserveUnit: Symbol.for('ReserveUnit') as ServiceIdentifier<ReserveUnit>,
  AuthoriseReservation: Symbol.for('AuthoriseReservation') as ServiceIdentifier<AuthoriseReservation>,
  CancelReservation: Symbol.for('CancelReservation') as ServiceIdentifier<CancelReservation>,
  RecordSeparationPayment: Symbol.for('RecordSeparationPayment') as ServiceIdentifier<RecordSeparationPayment>,
  ExpireReservations: Symbol.for('ExpireReservations') as ServiceIdentifier<ExpireReservations>,
  ExportPersonalData: Symbol.for('ExportPersonalData') as ServiceIdentifier<ExportPersonalData>,
  EraseLead: Symbol.for('EraseLead') as ServiceIdentifier<EraseLead>,
  ListDataSubjectRequests: Symbol.for('ListDataSubjectRequests') as ServiceIdentifier<ListDataSubjectRequests>,
} as const;
