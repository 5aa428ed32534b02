import type { Context } from 'hono';
import type { CreateLeadError } from '../../../application/use-cases/create-lead.ts';
import type { GetConversationError } from '../../../application/use-cases/get-conversation.ts';
import type { InvalidCursor } from '../../../application/use-cases/list-leads.ts';
import type { OpenVisitError } from '../../../application/use-cases/open-visit.ts';
import type { SendAgentMessageError } from '../../../application/use-cases/send-agent-message.ts';
import { problem } from '../problem.ts';

export type LeadsError = CreateLeadError | GetConversationError | InvalidCursor | OpenVisitError | SendAgentMessageError;

export const WINDOW_CLOSED_DETAIL =
  'El lead no ha escrito en las últimas 24 horas: solo se puede enviar una plantilla aprobada. / ' +
  'The lead has not written in the last 24 hours: only an approved template can be sent.';

/** Every error of the visitors list and chat panel as problem+json; a new error type fails to compile here. */
export const leadsProblem = (c: Context, error: LeadsError): Response => {
  switch (error.type) {
    case 'LeadNotFound':
      return problem(c, 404, 'lead_not_found', 'Not Found', `There is no lead ${error.leadId}.`);
    case 'VisitNotFound':
      return problem(c, 404, 'visit_not_found', 'Not Found', `The lead has no visit ${error.visitId}.`);
    case 'ProjectNotFound':
      return problem(c, 404, 'project_not_found', 'Not Found', `There is no project ${error.projectId}.`);
    case 'UnitTypeNotFound':
      return problem(c, 404, 'unit_type_not_found', 'Not Found', `The project has no unit type ${error.unitTypeId}.`);
    case 'AdvisorNotFound':
      return problem(c, 404, 'advisor_not_found', 'Not Found', `There is no active advisor ${error.advisorId}.`);
    case 'LineNotFound':
      return problem(c, 404, 'line_not_found', 'Not Found', error.lineId === null ? 'No business line is configured.' : `There is no line ${error.lineId}.`);
    case 'TemplateNotFound':
      return problem(c, 404, 'template_not_found', 'Not Found', `No approved template ${error.name} (${error.language}).`);
    case 'MediaNotFound':
      return problem(c, 404, 'media_not_found', 'Not Found', `There is no uploaded file ${error.mediaId}.`);
    case 'AdvisorNotAllowed':
      return problem(c, 403, 'forbidden', 'Forbidden', 'An advisor can only create leads for themselves.');
    case 'LeadAlreadyExists':
      return problem(c, 409, 'lead_already_exists', 'Conflict', 'A lead with this phone already exists.', { leadId: error.leadId });
    case 'VisitAlreadyExists':
      return problem(c, 409, 'visit_already_exists', 'Conflict', 'The lead already has a visit for this project.', { visitId: error.visitId });
    case 'LeadHasNoWhatsApp':
      return problem(c, 409, 'lead_has_no_whatsapp', 'Conflict', 'The lead has no phone or WhatsApp user id to write to.');
    case 'WindowClosed':
      return problem(c, 409, 'window_closed', 'Conversation window closed', WINDOW_CLOSED_DETAIL);
    case 'InvalidMessage':
      return problem(c, 422, 'invalid_message', 'Invalid message', error.violations.join('; '), { violations: error.violations });
    case 'TemplateParameterMismatch':
      return problem(c, 422, 'template_parameter_mismatch', 'Template parameter mismatch',
        `The template takes ${error.expected} parameters, ${error.given} given.`, { expected: error.expected, given: error.given });
    case 'InvalidCursor':
      return problem(c, 422, 'invalid_cursor', 'Invalid cursor', 'The cursor is not one this API returned.');
    default: {
      const unhandled: never = error;
      throw new Error(`unmapped error ${JSON.stringify(unhandled)}`);
    }
  }
};
