import type { Context, TypedResponse } from 'hono';
import type { InvalidEmail } from '../../../domain/contact/email.ts';
import type { BotTextsPatchError } from '../../../domain/chatbot/bot-texts-patch.ts';
import type { InvalidProject } from '../../../domain/catalog/project-entry.ts';
import type { PriceBucketsError } from '../../../domain/catalog/price-buckets.ts';
import type { NotAnActiveAdvisor } from '../../../application/use-cases/advisor-group-members.ts';
import type { RateLimited } from '../../../application/use-cases/apply-rate-limit.ts';
import type { Unauthenticated } from '../../../application/use-cases/authenticate-api-key.ts';
import type { AuthoriseReservationError } from '../../../application/use-cases/authorise-reservation.ts';
import type { ChangeVisitStageError } from '../../../application/use-cases/change-visit-stage.ts';
import type { CreateLeadError } from '../../../application/use-cases/create-lead.ts';
import type { CreateUserError } from '../../../application/use-cases/create-user.ts';
import type { CreateVisitQuoteError } from '../../../application/use-cases/create-visit-quote.ts';
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
import type { ReserveUnitError } from '../../../application/use-cases/reserve-unit.ts';
import type { ApiKeyNotFound } from '../../../application/use-cases/revoke-api-key.ts';
import type { SaveLineError } from '../../../application/use-cases/save-line.ts';
import type { ScheduleAppointmentError } from '../../../application/use-cases/schedule-appointment.ts';
import type { SendAgentMessageError } from '../../../application/use-cases/send-agent-message.ts';
import type { SendQuoteError } from '../../../application/use-cases/send-quote.ts';
import type { AdvisorGroupNotFound } from '../../../application/use-cases/update-advisor-group.ts';
import type { InvalidDataPolicy } from '../../../application/use-cases/update-data-policy.ts';
import type { UploadMediaError } from '../../../application/use-cases/upload-media.ts';
import type { UnitInUse } from '../../../application/use-cases/upsert-project.ts';
import { problem } from '../problem.ts';
import { rateLimited, tooManyRequests } from '../request-limits.ts';
import * as d from './crm-problem-details.ts';
import type { TooManyStreams } from './event-streams.ts';

export { WINDOW_CLOSED_DETAIL } from './crm-problem-details.ts';

/** The caller is authenticated but their role may not do this. */
export type Forbidden = { readonly type: 'Forbidden' };

/**
 * Every expected failure a CRM route can answer with. To add a resource's errors, add its union here and a
 * `case` per member below: the `never` check then fails to compile until each one has a status and a code.
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
  | ListAgendaError
  | ReserveUnitError
  | AuthoriseReservationError
  | NotAnActiveAdvisor
  | AdvisorGroupNotFound
  | SaveLineError
  | InvalidProject
  | UnitInUse
  | PriceBucketsError
  | InvalidDataPolicy
  | BotTextsPatchError
  | RateLimited
  | TooManyStreams
  | ListApiKeysError
  | DeactivateUserError
  | DeadLetterNotFound
  | RetryDeadLetterError;

const unreachable = (error: never): never => {
  throw new Error(`unmapped CRM error: ${JSON.stringify(error)}`);
};

/**
 * A problem+json answer, typed so that any route contract documenting a problem response accepts it
 * (the status is chosen here, from the error, so it is left open to the contract).
 */
export type CrmProblemResponse = Response & TypedResponse<CrmProblemBody, never, 'json'>;

type CrmProblemBody = { type: string; title: string; status: number; code: string; detail?: string };

/** The one mapping from CRM errors to problem+json, each with a stable `code`. */
export const crmProblem = (c: Context, error: CrmApiError): CrmProblemResponse =>
  answer(c, error) as unknown as CrmProblemResponse;

const answer = (c: Context, error: CrmApiError): Response => {
  switch (error.type) {
    // Authentication, users and API keys
    case 'Unauthenticated':
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, 'unauthenticated', 'Unauthenticated', d.UNAUTHENTICATED_DETAIL);
    case 'Forbidden':
      return problem(c, 403, 'forbidden', 'Forbidden', 'Your role may not do this.');
    case 'RateLimited':
      return rateLimited(c, error);
    case 'TooManyStreams':
      return tooManyRequests(
        c,
        error.retryAfterSeconds,
        'too_many_streams',
        d.tooManyStreamsDetail(error.scope, error.limit),
      );
    case 'InvalidUserName':
      return problem(c, 422, 'invalid_user_name', 'Invalid name', 'The name must have 1 to 200 characters.');
    case 'InvalidEmail':
      return problem(c, 422, 'invalid_email', 'Invalid e-mail address', 'The e-mail address is not valid.');
    case 'EmailAlreadyUsed':
      return problem(c, 409, 'email_already_used', 'E-mail already used', 'Another user has this e-mail address.');
    case 'UserNotFound':
      return problem(c, 404, 'user_not_found', 'User not found', `No user ${error.userId}.`);
    case 'UserInactive':
      return problem(c, 409, 'user_inactive', 'User inactive', `User ${error.userId} is inactive and cannot get keys.`);
    case 'ApiKeyNotFound':
      return problem(c, 404, 'api_key_not_found', 'API key not found', `No API key ${error.keyId}.`);
    case 'ApiKeysNotAllowed':
      return problem(c, 403, 'forbidden', 'Forbidden', "Only admins see other users' API keys.");
    case 'CannotDeactivateSelf':
      return problem(
        c,
        409,
        'cannot_deactivate_self',
        'Cannot deactivate yourself',
        'Another admin must deactivate this user.',
      );
    // Leads, visits, conversations, templates, media and quotes
    case 'LeadNotFound':
      return problem(c, 404, 'lead_not_found', 'Not Found', `There is no lead ${error.leadId}.`);
    case 'VisitNotFound':
      return problem(c, 404, 'visit_not_found', 'Not Found', `The lead has no visit ${error.visitId}.`);
    case 'ProjectNotFound':
      return problem(c, 404, 'project_not_found', 'Not Found', `There is no project ${error.projectId}.`);
    case 'UnitTypeNotFound':
      return problem(
        c,
        404,
        'unit_type_not_found',
        'Not Found',
        `The visit's project has no unit type ${error.unitTypeId}.`,
      );
    case 'UnitNotFound':
      return problem(c, 404, 'unit_not_found', 'Not Found', `The visit's project has no unit ${error.unitId}.`);
    case 'AdvisorNotFound':
      return problem(c, 404, 'advisor_not_found', 'Not Found', `There is no active advisor ${error.advisorId}.`);
    case 'LineNotFound':
      return problem(c, 404, 'line_not_found', 'Not Found', d.lineNotFoundDetail(error.lineId));
    case 'TemplateNotFound':
      return problem(
        c,
        404,
        'template_not_found',
        'Not Found',
        `No approved template ${error.name} (${error.language}).`,
      );
    case 'MediaNotFound':
      return problem(c, 404, 'media_not_found', 'Not Found', `There is no uploaded file ${error.mediaId}.`);
    case 'QuoteNotFound':
      return problem(c, 404, 'quote_not_found', 'Not Found', `There is no quote ${error.quoteId}.`);
    case 'ReservationNotFound':
      return problem(c, 404, 'reservation_not_found', 'Not Found', `There is no reservation ${error.reservationId}.`);
    case 'AdvisorNotAllowed':
      return problem(
        c,
        403,
        'forbidden',
        'Forbidden',
        'advisorId' in error
          ? 'An advisor can only create leads for themselves.'
          : 'An advisor can only book appointments in their own agenda.',
      );
    case 'AgendaNotAllowed':
      return problem(c, 403, 'forbidden', 'Forbidden', 'An advisor can only see their own agenda.');
    case 'AuthorisationNotAllowed':
      return problem(c, 403, 'forbidden', 'Forbidden', 'Only managers and admins authorise reservations.');
    case 'InvalidPhone':
      // The same answer as a body that fails its schema: the phone is a field the caller typed wrong.
      return problem(c, 422, 'validation_failed', 'Validation failed', 'The request body has 1 problem.', {
        errors: [{ in: 'body', path: 'phone', code: 'invalid_phone', message: 'not a valid phone number' }],
      });
    case 'LeadAlreadyExists':
      return problem(
        c,
        409,
        'lead_already_exists',
        'Conflict',
        'A lead with this phone already exists.',
        error.leadId === null ? {} : { leadId: error.leadId },
      );
    case 'VisitAlreadyExists':
      return problem(c, 409, 'visit_already_exists', 'Conflict', 'The lead already has a visit for this project.', {
        visitId: error.visitId,
      });
    case 'LeadHasNoWhatsApp':
      return problem(
        c,
        409,
        'lead_has_no_whatsapp',
        'Conflict',
        'The lead has no phone or WhatsApp user id to write to.',
      );
    case 'LeadHasNoConversation':
      return problem(
        c,
        409,
        'lead_has_no_conversation',
        'Conflict',
        'The lead has no WhatsApp conversation to file the quote under.',
      );
    case 'WindowClosed':
      return problem(c, 409, 'window_closed', 'Conversation window closed', d.WINDOW_CLOSED_DETAIL);
    case 'NoUnitToQuote':
      return problem(
        c,
        409,
        'no_unit_to_quote',
        'Conflict',
        `The unit type ${error.unitTypeId} has no available unit to quote.`,
      );
    case 'InvalidMessage':
      return problem(c, 422, 'invalid_message', 'Invalid message', error.violations.join('; '), {
        violations: error.violations,
      });
    case 'TemplateParameterMismatch':
      return problem(
        c,
        422,
        'template_parameter_mismatch',
        'Template parameter mismatch',
        `The template takes ${error.expected} parameters, ${error.given} given.`,
        { expected: error.expected, given: error.given },
      );
    case 'InvalidCursor':
      return problem(c, 422, 'invalid_cursor', 'Invalid cursor', 'The cursor is not one this API returned.');
    case 'TemplateSyncFailed':
      return problem(c, 502, 'template_sync_failed', 'Bad Gateway', d.TEMPLATE_SYNC_FAILED_DETAIL);
    case 'EmptyFile':
      return problem(c, 422, 'empty_file', 'Empty file', 'The uploaded file has no content.');
    case 'MediaTooLarge':
      return problem(c, 413, 'media_too_large', 'File too large', d.mediaTooLargeDetail(error.size, error.maxBytes), {
        maxBytes: error.maxBytes,
      });
    case 'UnsupportedMediaType':
      return error.reason === 'webm_voice_note'
        ? problem(c, 415, 'voice_note_must_be_ogg', 'Unsupported voice note format', d.WEBM_DETAIL, {
            mimeType: error.mimeType,
          })
        : problem(c, 415, 'unsupported_media_type', 'Unsupported file type', d.unsupportedMediaDetail(error.mimeType), {
            mimeType: error.mimeType,
          });
    case 'ContentMismatch':
      return problem(
        c,
        415,
        'media_content_mismatch',
        'File content does not match its type',
        d.contentMismatchDetail(error.declared, error.detected),
        {
          declaredType: error.declared,
          detectedType: error.detected,
        },
      );
    case 'UnitOrUnitTypeRequired':
      return problem(
        c,
        422,
        'unit_required',
        'Unit required',
        'Name the unit (`unitId`) or the unit type (`unitTypeId`) to quote.',
      );
    case 'UnitNotInProject':
      return problem(c, 422, 'unit_not_in_project', 'Unit not in project', error.reason);
    case 'InvalidPaymentPlan':
      return problem(
        c,
        422,
        'invalid_payment_plan',
        'Invalid payment plan',
        `The project's payment plan is not valid: ${error.reason}.`,
      );
    case 'InvalidAmount':
      return problem(c, 422, 'invalid_amount', 'Invalid amount', `${error.field} is not a valid amount.`, {
        field: error.field,
      });
    case 'CurrencyMismatch':
      return problem(
        c,
        422,
        'currency_mismatch',
        'Currency mismatch',
        `${error.field} is in ${error.actual}, the project in ${error.expected}.`,
      );
    case 'SavingsExceedDownPayment':
      return problem(
        c,
        422,
        'savings_exceed_down_payment',
        'Savings exceed the down payment',
        'The savings applied are more than the down payment.',
      );
    case 'SeparationExceedsDownPayment':
      return problem(
        c,
        422,
        'separation_exceeds_down_payment',
        'Separation exceeds the down payment',
        d.SEPARATION_EXCEEDS_DETAIL,
      );
    // Visit card: stages, appointments, reservations
    case 'InvalidStageTransition':
      return problem(
        c,
        409,
        'invalid_stage_transition',
        'Conflict',
        `A visit cannot move from ${error.from} to ${error.to}.`,
        { from: error.from, to: error.to },
      );
    case 'StageSetByReservation':
      return problem(
        c,
        422,
        'stage_set_by_reservation',
        'Invalid stage',
        `The stage ${error.stage} follows a reservation.`,
      );
    case 'AppointmentOverlaps':
      return problem(c, 409, 'appointment_overlaps', 'Conflict', `The advisor already has an appointment then.`, {
        appointmentId: error.appointmentId,
      });
    case 'UnitNotAvailable':
      return problem(c, 409, 'unit_not_available', 'Conflict', `The unit ${error.unitId} is not available.`);
    case 'ReservationNotRequested':
      return problem(c, 409, 'reservation_not_requested', 'Conflict', `The reservation is ${error.status}.`, {
        status: error.status,
      });
    case 'InvalidAppointmentTime':
      return problem(
        c,
        422,
        'invalid_appointment_time',
        'Invalid appointment time',
        d.appointmentTimeDetail(error.reason),
      );
    case 'AdvisorRequired':
      return problem(c, 422, 'advisor_required', 'Advisor required', 'Name the advisor (`advisorId`).');
    case 'InvalidAgendaRange':
      return problem(
        c,
        422,
        'invalid_agenda_range',
        'Invalid range',
        '`to` must follow `from`, at most 92 days later.',
      );
    // Configuration
    case 'NotAnActiveAdvisor':
      return problem(
        c,
        422,
        'not_an_active_advisor',
        'Not an active advisor',
        `User ${error.userId} is not an active advisor.`,
        { userId: error.userId },
      );
    case 'AdvisorGroupNotFound':
      return problem(
        c,
        404,
        'advisor_group_not_found',
        'Advisor group not found',
        `No advisor group ${error.groupId}.`,
      );
    case 'PhoneNumberIdTaken':
      return problem(
        c,
        409,
        'phone_number_id_taken',
        'Phone-number id taken',
        `Line ${error.lineId} already uses ${error.phoneNumberId}.`,
        { lineId: error.lineId },
      );
    case 'UnknownAdvisorGroup':
      return problem(c, 422, 'unknown_advisor_group', 'Unknown advisor group', `No advisor group ${error.groupId}.`);
    case 'UnknownProjects':
      return problem(c, 422, 'unknown_projects', 'Unknown projects', `No projects ${error.projectIds.join(', ')}.`, {
        projectIds: error.projectIds,
      });
    case 'InvalidProject':
      return problem(c, 422, 'invalid_project', 'Invalid project', error.reason);
    case 'UnitInUse':
      return problem(c, 409, 'unit_in_use', 'Unit in use', d.unitInUseDetail(error.unitId, error.reason), {
        unitId: error.unitId,
        reason: error.reason,
      });
    case 'InvalidPriceBucket':
      return problem(
        c,
        422,
        'invalid_price_bucket',
        'Invalid price bucket',
        `Bucket ${error.bucketId}: ${error.reason}.`,
      );
    case 'PriceBucketsOverlap':
      return problem(
        c,
        422,
        'price_buckets_overlap',
        'Price buckets overlap',
        `Buckets ${error.bucketIds.join(' and ')} share amounts.`,
        { bucketIds: error.bucketIds },
      );
    case 'InvalidDataPolicy':
      return problem(c, 422, 'invalid_data_policy', 'Invalid data policy', error.reason);
    case 'UnknownBotTexts':
      return problem(c, 422, 'unknown_bot_texts', 'Unknown bot texts', `No such texts: ${error.keys.join(', ')}.`, {
        keys: error.keys,
      });
    case 'EmptyBotText':
      return problem(c, 422, 'empty_bot_text', 'Empty bot text', `The text ${error.key} may not be empty.`);
    // Dead letters
    case 'DeadLetterNotFound':
      return problem(c, 404, 'dead_letter_not_found', 'Dead letter not found', `No dead letter ${error.id}.`);
    case 'DeadLetterDiscarded':
      return problem(
        c,
        409,
        'dead_letter_discarded',
        'Dead letter discarded',
        `Dead letter ${error.id} was discarded; it is kept for audit only.`,
      );
    default:
      return unreachable(error);
  }
};
