import type { ResolutionContext } from 'inversify';
import { appointmentsRouter } from '../adapters/http/crm/appointments.router.ts';
import { builderProfileRouter } from '../adapters/http/crm/builder-profile.router.ts';
import { funnelSettingsRouter } from '../adapters/http/crm/funnel-settings.router.ts';
import { chatToolsRouter } from '../adapters/http/crm/chat-tools.router.ts';
import { configurationRouter } from '../adapters/http/crm/configuration.router.ts';
import { conversationRouter } from '../adapters/http/crm/conversation.router.ts';
import { createCrmApi, type CrmApi } from '../adapters/http/crm/crm-api.ts';
import type { CrmRouter } from '../adapters/http/crm/crm-router.ts';
import { deadLettersRouter } from '../adapters/http/crm/dead-letters.router.ts';
import { eventsRouter } from '../adapters/http/crm/events.router.ts';
import { leadsRouter } from '../adapters/http/crm/leads.router.ts';
import { personalDataRouter } from '../adapters/http/crm/personal-data.router.ts';
import { usersRouter } from '../adapters/http/crm/users.router.ts';
import { visitCardRouter } from '../adapters/http/crm/visit-card.router.ts';
import { TOKENS } from './tokens.ts';

type Context = Pick<ResolutionContext, 'get'>;

/**
 * The resource routers of `/api/v1`, in the order the OpenAPI document lists them, each built from one object
 * of its use cases. To add a resource, write its `<resource>.router.ts` (paths relative to `/api/v1`, actor in
 * `c.get('actor')`) and append it here: it then sits behind authentication and appears in
 * `/api/v1/openapi.json` and `/docs`.
 */
export const crmRouters = (context: Context): CrmRouter[] => {
  const { limits } = context.get(TOKENS.Config);
  const events = context.get(TOKENS.Events);
  return [
    usersRouter({
      listUsers: context.get(TOKENS.ListUsers),
      createUser: context.get(TOKENS.CreateUser),
      issueApiKey: context.get(TOKENS.IssueApiKey),
      revokeApiKey: context.get(TOKENS.RevokeApiKey),
      listApiKeys: context.get(TOKENS.ListApiKeys),
      deactivateUser: context.get(TOKENS.DeactivateUser),
      reactivateUser: context.get(TOKENS.ReactivateUser),
      setWorkingHours: context.get(TOKENS.SetWorkingHours),
    }),
    leadsRouter({
      listLeads: context.get(TOKENS.ListLeads),
      getLead: context.get(TOKENS.GetLead),
      createLead: context.get(TOKENS.CreateLead),
      listVisits: context.get(TOKENS.ListVisits),
      openVisit: context.get(TOKENS.OpenVisit),
      listUnregistered: context.get(TOKENS.ListUnregisteredVisitors),
    }),
    conversationRouter({
      getConversation: context.get(TOKENS.GetConversation),
      markConversationRead: context.get(TOKENS.MarkConversationRead),
      sendAgentMessage: context.get(TOKENS.SendAgentMessage),
      takeOverConversation: context.get(TOKENS.TakeOverConversation),
      handBackConversation: context.get(TOKENS.HandBackConversation),
    }),
    visitCardRouter({
      getVisitCard: context.get(TOKENS.GetVisitCard),
      changeVisitStage: context.get(TOKENS.ChangeVisitStage),
      scheduleAppointment: context.get(TOKENS.ScheduleAppointment),
      listAgenda: context.get(TOKENS.ListAgenda),
      reserveUnit: context.get(TOKENS.ReserveUnit),
      authoriseReservation: context.get(TOKENS.AuthoriseReservation),
      cancelReservation: context.get(TOKENS.CancelReservation),
      recordSeparationPayment: context.get(TOKENS.RecordSeparationPayment),
    }),
    appointmentsRouter({
      rescheduleAppointment: context.get(TOKENS.RescheduleAppointment),
      changeAppointmentStatus: context.get(TOKENS.ChangeAppointmentStatus),
    }),
    chatToolsRouter({
      listTemplates: context.get(TOKENS.ListTemplates),
      refreshTemplates: context.get(TOKENS.RefreshTemplates),
      uploadMedia: context.get(TOKENS.UploadMedia),
      getMedia: context.get(TOKENS.GetMedia),
      createVisitQuote: context.get(TOKENS.CreateVisitQuote),
      listVisitQuotes: context.get(TOKENS.ListVisitQuotes),
      getQuote: context.get(TOKENS.GetQuote),
      sendQuote: context.get(TOKENS.SendQuote),
    }),
    configurationRouter({
      listAdvisorGroups: context.get(TOKENS.ListAdvisorGroups),
      createAdvisorGroup: context.get(TOKENS.CreateAdvisorGroup),
      updateAdvisorGroup: context.get(TOKENS.UpdateAdvisorGroup),
      listLines: context.get(TOKENS.ListLines),
      saveLine: context.get(TOKENS.SaveLine),
      listProjects: context.get(TOKENS.ListProjects),
      upsertProject: context.get(TOKENS.UpsertProject),
      listPriceBuckets: context.get(TOKENS.ListPriceBuckets),
      replacePriceBuckets: context.get(TOKENS.ReplacePriceBuckets),
      getBotSettings: context.get(TOKENS.GetBotSettings),
      updateDataPolicy: context.get(TOKENS.UpdateDataPolicy),
      updateBotTexts: context.get(TOKENS.UpdateBotTexts),
    }),
    funnelSettingsRouter({
      getBotSettings: context.get(TOKENS.GetBotSettings),
      updateFunnelSettings: context.get(TOKENS.UpdateFunnelSettings),
    }),
    builderProfileRouter({
      getBuilderProfile: context.get(TOKENS.GetBuilderProfile),
      updateBuilderProfile: context.get(TOKENS.UpdateBuilderProfile),
    }),
    eventsRouter({
      subscribe: (listener) => events.subscribe(listener),
      audience: context.get(TOKENS.ResolveEventAudience),
      caps: { perKey: limits.eventStreamsPerKey, total: limits.eventStreams },
      heartbeatMs: context.get(TOKENS.EventHeartbeatMs),
    }),
    personalDataRouter({
      exportPersonalData: context.get(TOKENS.ExportPersonalData),
      eraseLead: context.get(TOKENS.EraseLead),
      listDataSubjectRequests: context.get(TOKENS.ListDataSubjectRequests),
    }),
    deadLettersRouter({
      listDeadLetters: context.get(TOKENS.ListDeadLetters),
      getDeadLetter: context.get(TOKENS.GetDeadLetter),
      retryDeadLetter: context.get(TOKENS.RetryDeadLetter),
      discardDeadLetter: context.get(TOKENS.DiscardDeadLetter),
    }),
  ];
};

/** The CRM API as the HTTP app mounts it. */
export const crmApi = (context: Context): CrmApi =>
  createCrmApi({
    authenticate: context.get(TOKENS.AuthenticateApiKey),
    guard: { limits: context.get(TOKENS.RequestLimits), clientIp: context.get(TOKENS.ClientIp) },
    routers: crmRouters(context),
  });
