import type { HandBackError } from '../../../application/use-cases/hand-back-conversation.ts';
import type { TakeOverError } from '../../../application/use-cases/take-over-conversation.ts';
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { BuilderProfileError } from '../../../domain/builder/builder-profile.ts';
import type { InvalidEmail } from '../../../domain/contact/email.ts';
import type { BotTextsPatchError } from '../../../domain/chatbot/bot-texts-patch.ts';
import type { InvalidProject } from '../../../domain/catalog/project-entry.ts';
import type { PriceBucketsError } from '../../../domain/catalog/price-buckets.ts';
import type { NotAnActiveAdvisor } from '../../../application/use-cases/advisor-group-members.ts';
import type { RateLimited } from '../../../application/use-cases/apply-rate-limit.ts';
import type { Unauthenticated } from '../../../application/use-cases/authenticate-api-key.ts';
import type { AuthoriseReservationError } from '../../../application/use-cases/authorise-reservation.ts';
import type { ChangeAppointmentStatusError } from '../../../application/use-cases/change-appointment-status.ts';
import type { CancelReservationError } from '../../../application/use-cases/cancel-reservation.ts';
import type { RecordSeparationPaymentError } from '../../../application/use-cases/record-separation-payment.ts';
import type { UpdateFunnelSettingsError } from '../../../application/use-cases/update-funnel-settings.ts';
import type { ChangeVisitStageError } from '../../../application/use-cases/change-visit-stage.ts';
import type { CreateLeadError } from '../../../application/use-cases/create-lead.ts';
import type { CreateUserError } from '../../../application/use-cases/create-user.ts';
import type { CreateVisitQuoteError } from '../../../application/use-cases/create-visit-quote.ts';
import type { BuilderProfileNotConfigured } from '../../../application/use-cases/get-builder-profile.ts';
import type { DeadLetterNotFound } from '../../../application/use-cases/get-dead-letter.ts';
import type { RetryDeadLetterError } from '../../../application/use-cases/retry-dead-letter.ts';
import type { GetConversationError } from '../../../application/use-cases/get-conversation.ts';
import type { MediaNotFound } from '../../../application/use-cases/get-media.ts';
import type { IssueApiKeyError } from '../../../application/use-cases/issue-api-key.ts';
import type { DeactivateUserError } from '../../../application/use-cases/deactivate-user.ts';
import type { ListApiKeysError } from '../../../application/use-cases/list-api-keys.ts';
import type { ListAgendaError } from '../../../application/use-cases/list-agenda.ts';
import type { InvalidCursor } from '../../../application/use-cases/list-leads.ts';
import type { OpenVisitError } from '../../../application/use-cases/open-visit.ts';
import type { TemplateSyncFailed } from '../../../application/use-cases/refresh-templates.ts';
import type { RescheduleAppointmentError } from '../../../application/use-cases/reschedule-appointment.ts';
import type { ReserveUnitError } from '../../../application/use-cases/reserve-unit.ts';
import type { ApiKeyNotFound } from '../../../application/use-cases/revoke-api-key.ts';
import type { SaveLineError } from '../../../application/use-cases/save-line.ts';
import type { ScheduleAppointmentError } from '../../../application/use-cases/schedule-appointment.ts';
import type { SendAgentMessageError } from '../../../application/use-cases/send-agent-message.ts';
import type { SendQuoteError } from '../../../application/use-cases/send-quote.ts';
import type { SetWorkingHoursError } from '../../../application/use-cases/set-working-hours.ts';
import type { AdvisorGroupNotFound } from '../../../application/use-cases/update-advisor-group.ts';
import type { InvalidDataPolicy } from '../../../application/use-cases/update-data-policy.ts';
import type { UploadMediaError } from '../../../application/use-cases/upload-media.ts';
import type { UnitInUse } from '../../../application/use-cases/upsert-project.ts';
import { problem } from '../problem.ts';
import { rateLimitedDetail } from '../request-limits.ts';
import * as d from './crm-problem-details.ts';
import type { TooManyStreams } from './event-streams.ts';

export { WINDOW_CLOSED_DETAIL } from './crm-problem-details.ts';

/** The caller is authenticated but their role may not do this. */
export type Forbidden = { readonly type: 'Forbidden' };

/**
 * Every expected failure a CRM route can answer with. To add a resource's errors, add its union here: `CRM_PROBLEMS`
 * then fails to compile until each new `type` has a status and a code.
 */
export type CrmApiError =
  | Unauthenticated
  | Forbidden
  | CreateUserError
  | InvalidEmail
  | IssueApiKeyError
  | ApiKeyNotFound
  | CreateLeadError
  | GetConversationError
  | InvalidCursor
  | OpenVisitError
  | SendAgentMessageError
  | TemplateSyncFailed
  | UploadMediaError
  | MediaNotFound
  | CreateVisitQuoteError
  | SendQuoteError
  | ChangeVisitStageError
  | ScheduleAppointmentError
  | RescheduleAppointmentError
  | ChangeAppointmentStatusError
  | SetWorkingHoursError
  | ListAgendaError
  | ReserveUnitError
  | AuthoriseReservationError
  | CancelReservationError
  | RecordSeparationPaymentError
  | UpdateFunnelSettingsError
  | NotAnActiveAdvisor
  | AdvisorGroupNotFound
  | SaveLineError
  | InvalidProject
  | UnitInUse
  | PriceBucketsError
  | InvalidDataPolicy
  | BotTextsPatchError
  | BuilderProfileNotConfigured
  | BuilderProfileError
  | RateLimited
  | TooManyStreams
  | ListApiKeysError
  | DeactivateUserError
  | DeadLetterNotFound
  | RetryDeadLetterError
  | TakeOverError
  | HandBackError;

export type CrmErrorType = CrmApiError['type'];

/** The errors (one or several shapes) that share one `type`. */
type ErrorOf<T extends CrmErrorType> = Extract<CrmApiError, { readonly type: T }>;

/** How one error answers: a status, a stable `code` the CRM switches on, a title; the rest is read from the error. */
export type CrmProblem<E> = {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly title: string;
  readonly detail?: string | ((error: E) => string);
  /** Members added next to the standard ones (ids, limits) so the CRM need not parse `detail`. */
  readonly extra?: (error: E) => Readonly<Record<string, unknown>>;
  readonly headers?: (error: E) => Readonly<Record<string, string>>;
};

/** An error that answers one of two ways: `variant` where `when` holds, the entry itself otherwise. */
export type CrmProblemEntry<E> = CrmProblem<E> & {
  readonly variant?: { readonly when: (error: E) => boolean; readonly problem: CrmProblem<E> };
};

/** One entry per error `type`: a type without one does not compile, and there is no default to hide it. */
export type CrmProblemTable = { readonly [T in CrmErrorType]: CrmProblemEntry<ErrorOf<T>> };

const retryAfter = (error: { readonly retryAfterSeconds: number }) => ({
  'Retry-After': String(error.retryAfterSeconds),
});

/** The one mapping from CRM errors to problem+json. The CRM depends on every status and `code`: never change one. */
export const CRM_PROBLEMS: CrmProblemTable = {
  // Authentication, users and API keys
  Unauthenticated: {
    status: 401,
    code: 'unauthenticated',
    title: 'Unauthenticated',
    detail: d.UNAUTHENTICATED_DETAIL,
    headers: () => ({ 'WWW-Authenticate': 'Bearer' }),
  },
  Forbidden: { status: 403, code: 'forbidden', title: 'Forbidden', detail: 'Your role may not do this.' },
  RateLimited: {
    status: 429,
    code: 'rate_limited',
    title: 'Too Many Requests',
    detail: (e) => rateLimitedDetail(e.retryAfterSeconds),
    headers: retryAfter,
  },
  TooManyStreams: {
    status: 429,
    code: 'too_many_streams',
    title: 'Too Many Requests',
    detail: (e) => d.tooManyStreamsDetail(e.scope, e.limit),
    headers: retryAfter,
  },
  InvalidUserName: {
    status: 422,
    code: 'invalid_user_name',
    title: 'Invalid name',
    detail: 'The name must have 1 to 200 characters.',
  },
  InvalidEmail: {
    status: 422,
    code: 'invalid_email',
    title: 'Invalid e-mail address',
    detail: 'The e-mail address is not valid.',
  },
  EmailAlreadyUsed: {
    status: 409,
    code: 'email_already_used',
    title: 'E-mail already used',
    detail: 'Another user has this e-mail address.',
  },
  UserNotFound: { status: 404, code: 'user_not_found', title: 'User not found', detail: (e) => `No user ${e.userId}.` },
  UserInactive: {
    status: 409,
    code: 'user_inactive',
    title: 'User inactive',
    detail: (e) => `User ${e.userId} is inactive and cannot get keys.`,
  },
  ApiKeyNotFound: {
    status: 404,
    code: 'api_key_not_found',
    title: 'API key not found',
    detail: (e) => `No API key ${e.keyId}.`,
  },
  ApiKeysNotAllowed: {
    status: 403,
    code: 'forbidden',
    title: 'Forbidden',
    detail: "Only admins see other users' API keys.",
  },
  CannotDeactivateSelf: {
    status: 409,
    code: 'cannot_deactivate_self',
    title: 'Cannot deactivate yourself',
    detail: 'Another admin must deactivate this user.',
  },
  // Leads, visits, conversations, templates, media and quotes
  LeadNotFound: {
    status: 404,
    code: 'lead_not_found',
    title: 'Not Found',
    detail: (e) => `There is no lead ${e.leadId}.`,
  },
  VisitNotFound: {
    status: 404,
    code: 'visit_not_found',
    title: 'Not Found',
    detail: (e) => `The lead has no visit ${e.visitId}.`,
  },
  ProjectNotFound: {
    status: 404,
    code: 'project_not_found',
    title: 'Not Found',
    detail: (e) => `There is no project ${e.projectId}.`,
  },
  UnitTypeNotFound: {
    status: 404,
    code: 'unit_type_not_found',
    title: 'Not Found',
    detail: (e) => `The visit's project has no unit type ${e.unitTypeId}.`,
  },
  UnitNotFound: {
    status: 404,
    code: 'unit_not_found',
    title: 'Not Found',
    detail: (e) => `The visit's project has no unit ${e.unitId}.`,
  },
  AdvisorNotFound: {
    status: 404,
    code: 'advisor_not_found',
    title: 'Not Found',
    detail: (e) => `There is no active advisor ${e.advisorId}.`,
  },
  LineNotFound: {
    status: 404,
    code: 'line_not_found',
    title: 'Not Found',
    detail: (e) => d.lineNotFoundDetail(e.lineId),
  },
  TemplateNotFound: {
    status: 404,
    code: 'template_not_found',
    title: 'Not Found',
    detail: (e) => `No approved template ${e.name} (${e.language}).`,
  },
  MediaNotFound: {
    status: 404,
    code: 'media_not_found',
    title: 'Not Found',
    detail: (e) => `There is no uploaded file ${e.mediaId}.`,
  },
  QuoteNotFound: {
    status: 404,
    code: 'quote_not_found',
    title: 'Not Found',
    detail: (e) => `There is no quote ${e.quoteId}.`,
  },
  ReservationNotFound: {
    status: 404,
    code: 'reservation_not_found',
    title: 'Not Found',
    detail: (e) => `There is no reservation ${e.reservationId}.`,
  },
  AdvisorNotAllowed: {
    status: 403,
    code: 'forbidden',
    title: 'Forbidden',
    detail: (e) =>
      'advisorId' in e
        ? 'An advisor can only create leads for themselves.'
        : 'An advisor can only book appointments in their own agenda.',
  },
  AgendaNotAllowed: {
    status: 403,
    code: 'forbidden',
    title: 'Forbidden',
    detail: 'An advisor can only see their own agenda.',
  },
  AuthorisationNotAllowed: {
    status: 403,
    code: 'forbidden',
    title: 'Forbidden',
    detail: 'Only managers and admins authorise reservations.',
  },
  InvalidPhone: {
    // The same answer as a body that fails its schema: the phone is a field the caller typed wrong.
    status: 422,
    code: 'validation_failed',
    title: 'Validation failed',
    detail: 'The request body has 1 problem.',
    extra: () => ({
      errors: [{ in: 'body', path: 'phone', code: 'invalid_phone', message: 'not a valid phone number' }],
    }),
  },
  LeadAlreadyExists: {
    status: 409,
    code: 'lead_already_exists',
    title: 'Conflict',
    detail: 'A lead with this phone already exists.',
    extra: (e) => (e.leadId === null ? {} : { leadId: e.leadId }),
  },
  VisitAlreadyExists: {
    status: 409,
    code: 'visit_already_exists',
    title: 'Conflict',
    detail: 'The lead already has a visit for this project.',
    extra: (e) => ({ visitId: e.visitId }),
  },
  LeadHasNoWhatsApp: {
    status: 409,
    code: 'lead_has_no_whatsapp',
    title: 'Conflict',
    detail: 'The lead has no phone or WhatsApp user id to write to.',
  },
  LeadHasNoConversation: {
    status: 409,
    code: 'lead_has_no_conversation',
    title: 'Conflict',
    detail: 'The lead has no WhatsApp conversation to file the quote under.',
  },
  NotWithBot: {
    status: 409,
    code: 'not_with_bot',
    title: 'Conversation already with an advisor',
    detail: 'The bot does not lead this conversation: there is nothing to take over.',
    extra: (e) => ({ conversationId: e.conversationId }),
  },
  AlreadyWithBot: {
    status: 409,
    code: 'already_with_bot',
    title: 'Conversation already with the bot',
    detail: 'The bot already leads this conversation: there is nothing to hand back.',
    extra: (e) => ({ conversationId: e.conversationId }),
  },
  WindowClosed: {
    status: 409,
    code: 'window_closed',
    title: 'Conversation window closed',
    detail: d.WINDOW_CLOSED_DETAIL,
  },
  UnitUnavailable: {
    status: 409,
    code: 'unit_unavailable',
    title: 'Unit unavailable',
    detail: (e) => `The unit ${e.unitId} is ${e.status}: only an available unit is quoted.`,
    extra: (e) => ({ unitId: e.unitId, unitStatus: e.status }),
  },
  QuoteSuperseded: {
    status: 409,
    code: 'quote_superseded',
    title: 'Quote superseded',
    detail: (e) => `A newer version (${e.latestVersion}) of this quote exists: send quote ${e.latestId} instead.`,
    extra: (e) => ({ latestQuoteId: e.latestId, latestVersion: e.latestVersion }),
  },
  NoUnitToQuote: {
    status: 409,
    code: 'no_unit_to_quote',
    title: 'Conflict',
    detail: (e) => `The unit type ${e.unitTypeId} has no available unit to quote.`,
  },
  InvalidMessage: {
    status: 422,
    code: 'invalid_message',
    title: 'Invalid message',
    detail: (e) => e.violations.join('; '),
    extra: (e) => ({ violations: e.violations }),
  },
  TemplateParameterMismatch: {
    status: 422,
    code: 'template_parameter_mismatch',
    title: 'Template parameter mismatch',
    detail: (e) => `The template takes ${e.expected} parameters, ${e.given} given.`,
    extra: (e) => ({ expected: e.expected, given: e.given }),
  },
  InvalidCursor: {
    status: 422,
    code: 'invalid_cursor',
    title: 'Invalid cursor',
    detail: 'The cursor is not one this API returned.',
  },
  TemplateSyncFailed: {
    status: 502,
    code: 'template_sync_failed',
    title: 'Bad Gateway',
    detail: d.TEMPLATE_SYNC_FAILED_DETAIL,
  },
  EmptyFile: { status: 422, code: 'empty_file', title: 'Empty file', detail: 'The uploaded file has no content.' },
  MediaTooLarge: {
    status: 413,
    code: 'media_too_large',
    title: 'File too large',
    detail: (e) => d.mediaTooLargeDetail(e.size, e.maxBytes),
    extra: (e) => ({ maxBytes: e.maxBytes }),
  },
  UnsupportedMediaType: {
    status: 415,
    code: 'unsupported_media_type',
    title: 'Unsupported file type',
    detail: (e) => d.unsupportedMediaDetail(e.mimeType),
    extra: (e) => ({ mimeType: e.mimeType }),
    variant: {
      when: (e) => e.reason === 'webm_voice_note',
      problem: {
        status: 415,
        code: 'voice_note_must_be_ogg',
        title: 'Unsupported voice note format',
        detail: d.WEBM_DETAIL,
        extra: (e) => ({ mimeType: e.mimeType }),
      },
    },
  },
  ContentMismatch: {
    status: 415,
    code: 'media_content_mismatch',
    title: 'File content does not match its type',
    detail: (e) => d.contentMismatchDetail(e.declared, e.detected),
    extra: (e) => ({ declaredType: e.declared, detectedType: e.detected }),
  },
  UnitOrUnitTypeRequired: {
    status: 422,
    code: 'unit_required',
    title: 'Unit required',
    detail: 'Name the unit (`unitId`) or the unit type (`unitTypeId`) to quote.',
  },
  UnitNotInProject: {
    status: 422,
    code: 'unit_not_in_project',
    title: 'Unit not in project',
    detail: (e) => e.reason,
  },
  VisitHasNoProject: {
    status: 409,
    code: 'visit_without_project',
    title: 'Visit without a project',
    detail:
      'This is the lead\'s general visit ("sin proyecto"): quote from the visit of a project (open one with POST /api/v1/leads/{id}/visits).',
  },
  InvalidPaymentPlan: {
    status: 422,
    code: 'invalid_payment_plan',
    title: 'Invalid payment plan',
    detail: (e) => `The project's payment plan is not valid: ${e.reason}.`,
  },
  InvalidAmount: {
    status: 422,
    code: 'invalid_amount',
    title: 'Invalid amount',
    detail: (e) => `${e.field} is not a valid amount.`,
    extra: (e) => ({ field: e.field }),
  },
  CurrencyMismatch: {
    status: 422,
    code: 'currency_mismatch',
    title: 'Currency mismatch',
    detail: (e) => `${e.field} is in ${e.actual}, the project in ${e.expected}.`,
  },
  UnknownExtra: {
    status: 422,
    code: 'unknown_extra',
    title: 'Unknown extra',
    detail: (e) => `The project catalogues no extra ${e.extraId}: choose one of its parking spaces or storage rooms.`,
    extra: (e) => ({ extraId: e.extraId }),
  },
  PriceOverHousingCap: {
    status: 422,
    code: 'price_over_housing_cap',
    title: 'Price over the legal housing cap',
    detail: (e) =>
      `The unit is priced over the ${e.regime.toUpperCase()} cap of ${e.smmlvCount} SMMLV: fix its price or the ` +
      `project's regime before quoting it.`,
    extra: (e) => ({ price: e.price.amount, cap: e.cap.amount, smmlvCount: e.smmlvCount }),
  },
  SavingsExceedDownPayment: {
    status: 422,
    code: 'savings_exceed_down_payment',
    title: 'Savings exceed the down payment',
    detail: 'The savings applied are more than the down payment.',
  },
  SeparationExceedsDownPayment: {
    status: 422,
    code: 'separation_exceeds_down_payment',
    title: 'Separation exceeds the down payment',
    detail: d.SEPARATION_EXCEEDS_DETAIL,
  },
  NotEnoughTimeForDownPayment: {
    status: 409,
    code: 'not_enough_time_for_down_payment',
    title: 'Not enough time for the down payment',
    detail: (e) => d.notEnoughTimeDetail(e.cutOffDate, e.fits, e.minimum),
    extra: (e) => ({ cutOffDate: e.cutOffDate, instalmentsThatFit: e.fits, minimumInstalments: e.minimum }),
  },
  // Visit card: stages, appointments, reservations
  InvalidStageTransition: {
    status: 409,
    code: 'invalid_stage_transition',
    title: 'Conflict',
    detail: (e) => `A visit cannot move from ${e.from} to ${e.to}.`,
    extra: (e) => ({ from: e.from, to: e.to }),
  },
  StageSetByReservation: {
    status: 422,
    code: 'stage_set_by_reservation',
    title: 'Invalid stage',
    detail: (e) => `The stage ${e.stage} follows a reservation.`,
  },
  AppointmentOverlaps: {
    status: 409,
    code: 'appointment_overlaps',
    title: 'Conflict',
    detail: 'The advisor already has an appointment then.',
    extra: (e) => ({ appointmentId: e.appointmentId }),
  },
  VisitAlreadyReserved: {
    status: 409,
    code: 'visit_already_reserved',
    title: 'Conflict',
    detail: (e) =>
      `The visit ${e.visitId} already holds reservation ${e.reservationId}: cancel it before reserving another unit.`,
    extra: (e) => ({ reservationId: e.reservationId }),
  },
  UnitNotAvailable: {
    status: 409,
    code: 'unit_not_available',
    title: 'Conflict',
    detail: (e) => `The unit ${e.unitId} is not available.`,
  },
  ReservationNotRequested: {
    status: 409,
    code: 'reservation_not_requested',
    title: 'Conflict',
    detail: (e) => `The reservation is ${e.status}.`,
    extra: (e) => ({ status: e.status }),
  },
  ReservationClosed: {
    status: 409,
    code: 'reservation_closed',
    title: 'Conflict',
    detail: (e) =>
      e.status === 'confirmed'
        ? 'The promesa is signed: withdraw the visit (stage withdrawn) to release the unit.'
        : `The reservation is ${e.status}.`,
    extra: (e) => ({ reservationStatus: e.status }),
  },
  QuoteNotForUnit: {
    status: 422,
    code: 'quote_not_for_unit',
    title: 'Quote not for this unit',
    detail: (e) => `The quote ${e.quoteId} is not one of this visit's quotes for the unit ${e.unitId}.`,
  },
  InvalidSeparationPayment: {
    status: 422,
    code: 'invalid_separation_payment',
    title: 'Invalid separation payment',
    detail: (e) => d.separationPaymentDetail(e.reason),
    extra: (e) => ({ field: e.reason }),
  },
  InvalidAppointmentTime: {
    status: 422,
    code: 'invalid_appointment_time',
    title: 'Invalid appointment time',
    detail: (e) => d.appointmentTimeDetail(e.reason),
  },
  AdvisorRequired: {
    status: 422,
    code: 'advisor_required',
    title: 'Advisor required',
    detail: 'Name the advisor (`advisorId`).',
  },
  InvalidAgendaRange: {
    status: 422,
    code: 'invalid_agenda_range',
    title: 'Invalid range',
    detail: '`to` must follow `from`, at most 92 days later.',
  },
  AppointmentInPast: {
    status: 422,
    code: 'appointment_in_past',
    title: 'Appointment in the past',
    detail: (e) => `The appointment would start at ${d.isoOf(e.startsAt)}, before now (${d.isoOf(e.now)}).`,
    extra: (e) => ({ now: d.isoOf(e.now) }),
  },
  OutsideWorkingHours: {
    status: 422,
    code: 'outside_working_hours',
    title: 'Outside working hours',
    detail: (e) => d.outsideWorkingHoursDetail(e),
    extra: (e) => d.outsideWorkingHoursExtra(e),
  },
  AppointmentNotFound: {
    status: 404,
    code: 'appointment_not_found',
    title: 'Not Found',
    detail: (e) => `There is no appointment ${e.appointmentId}.`,
  },
  InvalidAppointmentTransition: {
    status: 409,
    code: 'invalid_appointment_transition',
    title: 'Conflict',
    detail: (e) =>
      e.to === 'rescheduled'
        ? `A ${e.from} appointment cannot be rescheduled: book a new one.`
        : `An appointment cannot go from ${e.from} to ${e.to}.`,
    extra: (e) => ({ from: e.from, to: e.to }),
  },
  AppointmentNotStarted: {
    status: 409,
    code: 'appointment_not_started',
    title: 'Conflict',
    detail: (e) => `The appointment starts at ${d.isoOf(e.startsAt)}: it can be marked held or missed only then.`,
    extra: (e) => ({ startsAt: d.isoOf(e.startsAt) }),
  },
  InvalidWorkingHours: {
    status: 422,
    code: 'invalid_working_hours',
    title: 'Invalid working hours',
    detail: (e) => d.invalidWorkingHoursDetail(e.day, e.reason),
    extra: (e) => ({ day: e.day, reason: e.reason }),
  },
  // Configuration
  NotAnActiveAdvisor: {
    status: 422,
    code: 'not_an_active_advisor',
    title: 'Not an active advisor',
    detail: (e) => `User ${e.userId} is not an active advisor.`,
    extra: (e) => ({ userId: e.userId }),
  },
  AdvisorGroupNotFound: {
    status: 404,
    code: 'advisor_group_not_found',
    title: 'Advisor group not found',
    detail: (e) => `No advisor group ${e.groupId}.`,
  },
  PhoneNumberIdTaken: {
    status: 409,
    code: 'phone_number_id_taken',
    title: 'Phone-number id taken',
    detail: (e) => `Line ${e.lineId} already uses ${e.phoneNumberId}.`,
    extra: (e) => ({ lineId: e.lineId }),
  },
  UnknownAdvisorGroup: {
    status: 422,
    code: 'unknown_advisor_group',
    title: 'Unknown advisor group',
    detail: (e) => `No advisor group ${e.groupId}.`,
  },
  UnknownProjects: {
    status: 422,
    code: 'unknown_projects',
    title: 'Unknown projects',
    detail: (e) => `No projects ${e.projectIds.join(', ')}.`,
    extra: (e) => ({ projectIds: e.projectIds }),
  },
  InvalidProject: { status: 422, code: 'invalid_project', title: 'Invalid project', detail: (e) => e.reason },
  UnitInUse: {
    status: 409,
    code: 'unit_in_use',
    title: 'Unit in use',
    detail: (e) => d.unitInUseDetail(e.unitId, e.reason),
    extra: (e) => ({ unitId: e.unitId, reason: e.reason }),
  },
  InvalidPriceBucket: {
    status: 422,
    code: 'invalid_price_bucket',
    title: 'Invalid price bucket',
    detail: (e) => `Bucket ${e.bucketId}: ${e.reason}.`,
  },
  PriceBucketsOverlap: {
    status: 422,
    code: 'price_buckets_overlap',
    title: 'Price buckets overlap',
    detail: (e) => `Buckets ${e.bucketIds.join(' and ')} share amounts.`,
    extra: (e) => ({ bucketIds: e.bucketIds }),
  },
  InvalidDataPolicy: {
    status: 422,
    code: 'invalid_data_policy',
    title: 'Invalid data policy',
    detail: (e) => e.reason,
  },
  UnknownBotTexts: {
    status: 422,
    code: 'unknown_bot_texts',
    title: 'Unknown bot texts',
    detail: (e) => `No such texts: ${e.keys.join(', ')}.`,
    extra: (e) => ({ keys: e.keys }),
  },
  EmptyBotText: {
    status: 422,
    code: 'empty_bot_text',
    title: 'Empty bot text',
    detail: (e) => `The text ${e.key} may not be empty.`,
  },
  UnknownStages: {
    status: 422,
    code: 'unknown_stages',
    title: 'Unknown stages',
    detail: (e) => `No such stages: ${e.stages.join(', ')}.`,
    extra: (e) => ({ stages: e.stages }),
  },
  InvalidStageLabel: {
    status: 422,
    code: 'invalid_stage_label',
    title: 'Invalid stage label',
    detail: (e) => `The label of ${e.stage} must have 1 to 60 characters.`,
  },
  InvalidReservationSettings: {
    status: 422,
    code: 'invalid_reservation_settings',
    title: 'Invalid reservation settings',
    detail: (e) => `A reservation expires after 1 to ${e.max} whole days.`,
  },
  // The builder profile
  BuilderProfileNotConfigured: {
    status: 404,
    code: 'builder_profile_not_configured',
    title: 'Builder profile not configured',
    detail: 'No builder profile has been saved yet; an admin saves one with PUT /settings/builder.',
  },
  InvalidNit: {
    status: 422,
    code: 'invalid_nit',
    title: 'Invalid NIT',
    detail: (e) => d.invalidNitDetail(e),
    extra: (e) => ({ field: 'nit', ...(e.reason === 'check_digit' ? { expectedCheckDigit: e.expected } : {}) }),
  },
  InvalidBuilderProfile: {
    status: 422,
    code: 'invalid_builder_profile',
    title: 'Invalid builder profile',
    detail: (e) => `${e.field} ${e.reason}.`,
    extra: (e) => ({ field: e.field }),
  },
  LogoTooLarge: {
    status: 422,
    code: 'logo_too_large',
    title: 'Logo too large',
    detail: (e) => d.logoTooLargeDetail(e),
    extra: (e) => ({ field: 'logo', ...(e.limit === 'bytes' ? { maxBytes: e.maxBytes } : { maxSidePx: e.maxSidePx }) }),
  },
  LogoNotAnImage: {
    status: 422,
    code: 'logo_not_an_image',
    title: 'Logo not an image',
    detail: 'The logo is not a complete PNG or JPEG image of the declared type.',
    extra: () => ({ field: 'logo' }),
  },
  // Dead letters
  DeadLetterNotFound: {
    status: 404,
    code: 'dead_letter_not_found',
    title: 'Dead letter not found',
    detail: (e) => `No dead letter ${e.id}.`,
  },
  DeadLetterDiscarded: {
    status: 409,
    code: 'dead_letter_discarded',
    title: 'Dead letter discarded',
    detail: (e) => `Dead letter ${e.id} was discarded; it is kept for audit only.`,
  },
};

/**
 * A problem+json answer, typed so that any route contract documenting a problem response accepts it
 * (the status is chosen here, from the error, so it is left open to the contract).
 */
export type CrmProblemResponse = Response & TypedResponse<CrmProblemBody, never, 'json'>;

type CrmProblemBody = { type: string; title: string; status: number; code: string; detail?: string };

/** Answers `error` as its entry says (the `type` and the error passed apart, so the two stay correlated). */
const answer = <T extends CrmErrorType>(c: Context, type: T, error: ErrorOf<T>): Response => {
  const entry: CrmProblemEntry<ErrorOf<T>> = CRM_PROBLEMS[type];
  const chosen: CrmProblem<ErrorOf<T>> = entry.variant?.when(error) === true ? entry.variant.problem : entry;
  for (const [name, value] of Object.entries(chosen.headers?.(error) ?? {})) c.header(name, value);
  const detail = typeof chosen.detail === 'function' ? chosen.detail(error) : chosen.detail;
  return problem(c, chosen.status, chosen.code, chosen.title, detail, chosen.extra?.(error));
};

/** The one mapping from CRM errors to problem+json, each with a stable `code` (see `CRM_PROBLEMS`). */
export const crmProblem = (c: Context, error: CrmApiError): CrmProblemResponse =>
  // The one cast left: the status comes from the error at run time, so no route contract can check it.
  answer(c, error.type, error) as unknown as CrmProblemResponse;
