import type { Context } from 'hono';
import type { CreateVisitQuoteError } from '../../../application/use-cases/create-visit-quote.ts';
import type { MediaNotFound } from '../../../application/use-cases/get-media.ts';
import type { TemplateSyncFailed } from '../../../application/use-cases/refresh-templates.ts';
import type { SendQuoteError } from '../../../application/use-cases/send-quote.ts';
import type { UploadMediaError } from '../../../application/use-cases/upload-media.ts';
import { problem } from '../problem.ts';
import type { CrmProblemResponse } from './crm-problem.ts';
import { WINDOW_CLOSED_DETAIL } from './leads-problem.ts';

export type ChatToolsError = TemplateSyncFailed | UploadMediaError | MediaNotFound | CreateVisitQuoteError | SendQuoteError;

const WEBM_DETAIL =
  'Las notas de voz deben grabarse en audio/ogg (Opus); audio/webm no se acepta porque el servidor no puede convertirlo. / ' +
  "Voice notes must be recorded as audio/ogg (Opus), e.g. MediaRecorder with mimeType 'audio/ogg;codecs=opus'; " +
  'audio/webm is not accepted because the server cannot transcode it.';

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Every error of templates, media and visit quotes as problem+json; a new error type fails to compile here. Typed like
 * `crmProblem` so a contract documenting problem responses accepts it.
 */
export const chatToolsProblem = (c: Context, error: ChatToolsError): CrmProblemResponse =>
  answer(c, error) as unknown as CrmProblemResponse;

const answer = (c: Context, error: ChatToolsError): Response => {
  switch (error.type) {
    case 'TemplateSyncFailed':
      return problem(c, 502, 'template_sync_failed', 'Bad Gateway', 'WhatsApp did not answer the template sync; the stored templates are unchanged. Try again later.');
    case 'EmptyFile':
      return problem(c, 422, 'empty_file', 'Empty file', 'The uploaded file has no content.');
    case 'MediaTooLarge':
      return problem(c, 413, 'media_too_large', 'File too large', `The file has ${error.size} bytes; the limit is ${mb(error.maxBytes)}.`, { maxBytes: error.maxBytes });
    case 'UnsupportedMediaType':
      return error.reason === 'webm_voice_note'
        ? problem(c, 415, 'voice_note_must_be_ogg', 'Unsupported voice note format', WEBM_DETAIL, { mimeType: error.mimeType })
        : problem(c, 415, 'unsupported_media_type', 'Unsupported file type',
          `Files of type ${error.mimeType} cannot be sent on WhatsApp: send images (JPEG, PNG), PDF, office documents, audio (OGG, MP3, M4A) or MP4 video.`,
          { mimeType: error.mimeType });
    case 'MediaNotFound':
      return problem(c, 404, 'media_not_found', 'Not Found', `There is no stored file ${error.mediaId}.`);
    case 'VisitNotFound':
      return problem(c, 404, 'visit_not_found', 'Not Found', `There is no visit ${error.visitId}.`);
    case 'LeadNotFound':
      return problem(c, 404, 'lead_not_found', 'Not Found', `There is no lead ${error.leadId}.`);
    case 'QuoteNotFound':
      return problem(c, 404, 'quote_not_found', 'Not Found', `There is no quote ${error.quoteId}.`);
    case 'UnitNotFound':
      return problem(c, 404, 'unit_not_found', 'Not Found', `There is no unit ${error.unitId}.`);
    case 'ProjectNotFound':
      return problem(c, 404, 'project_not_found', 'Not Found', `There is no project ${error.projectId}.`);
    case 'UnitTypeNotFound':
      return problem(c, 404, 'unit_type_not_found', 'Not Found', `The visit's project has no unit type ${error.unitTypeId}.`);
    case 'TemplateNotFound':
      return problem(c, 404, 'template_not_found', 'Not Found', `No approved template ${error.name} (${error.language}).`);
    case 'NoUnitToQuote':
      return problem(c, 409, 'no_unit_to_quote', 'Conflict', `The unit type ${error.unitTypeId} has no available unit to quote.`);
    case 'LeadHasNoConversation':
      return problem(c, 409, 'lead_has_no_conversation', 'Conflict', 'The lead has no WhatsApp conversation to file the quote under.');
    case 'LeadHasNoWhatsApp':
      return problem(c, 409, 'lead_has_no_whatsapp', 'Conflict', 'The lead has no phone or WhatsApp user id to write to.');
    case 'WindowClosed':
      return problem(c, 409, 'window_closed', 'Conversation window closed', WINDOW_CLOSED_DETAIL);
    case 'UnitOrUnitTypeRequired':
      return problem(c, 422, 'unit_required', 'Unit required', 'Name the unit (`unitId`) or the unit type (`unitTypeId`) to quote.');
    case 'UnitNotInProject':
      return problem(c, 422, 'unit_not_in_project', 'Unit not in project', error.reason);
    case 'InvalidPaymentPlan':
      return problem(c, 422, 'invalid_payment_plan', 'Invalid payment plan', `The project's payment plan is not valid: ${error.reason}.`);
    case 'InvalidAmount':
      return problem(c, 422, 'invalid_amount', 'Invalid amount', `${error.field} is not a valid amount.`, { field: error.field });
    case 'CurrencyMismatch':
      return problem(c, 422, 'currency_mismatch', 'Currency mismatch', `${error.field} is in ${error.actual}, the project in ${error.expected}.`);
    case 'SavingsExceedDownPayment':
      return problem(c, 422, 'savings_exceed_down_payment', 'Savings exceed the down payment', 'The savings applied are more than the down payment.');
    case 'SeparationExceedsDownPayment':
      return problem(c, 422, 'separation_exceeds_down_payment', 'Separation exceeds the down payment', 'The credited separation fee is more than what remains of the down payment.');
    case 'InvalidMessage':
      return problem(c, 422, 'invalid_message', 'Invalid message', error.violations.join('; '), { violations: error.violations });
    case 'TemplateParameterMismatch':
      return problem(c, 422, 'template_parameter_mismatch', 'Template parameter mismatch',
        `The template takes ${error.expected} parameters, ${error.given} given.`, { expected: error.expected, given: error.given });
    default: {
      const unhandled: never = error;
      throw new Error(`unmapped chat tools error ${JSON.stringify(unhandled)}`);
    }
  }
};
