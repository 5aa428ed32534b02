import type { Context } from 'hono';
import type { BotTextsPatchError } from '../../../domain/chatbot/bot-texts-patch.ts';
import type { InvalidProject } from '../../../domain/catalog/project-entry.ts';
import type { PriceBucketsError } from '../../../domain/catalog/price-buckets.ts';
import type { NotAnActiveAdvisor } from '../../../application/use-cases/advisor-group-members.ts';
import type { UnitInUse } from '../../../application/use-cases/upsert-project.ts';
import type { SaveLineError } from '../../../application/use-cases/save-line.ts';
import type { InvalidDataPolicy } from '../../../application/use-cases/update-data-policy.ts';
import type { AdvisorGroupNotFound } from '../../../application/use-cases/update-advisor-group.ts';
import { problem } from '../problem.ts';
import type { CrmProblemResponse } from './crm-problem.ts';

/** Every expected failure of the configuration routes. */
export type ConfigurationError =
  | NotAnActiveAdvisor
  | AdvisorGroupNotFound
  | SaveLineError
  | InvalidProject
  | UnitInUse
  | PriceBucketsError
  | InvalidDataPolicy
  | BotTextsPatchError;

const unreachable = (error: never): never => {
  throw new Error(`unmapped configuration error: ${JSON.stringify(error)}`);
};

/** The one mapping from configuration errors to problem+json, each with a stable `code`. */
export const configurationProblem = (c: Context, error: ConfigurationError): CrmProblemResponse =>
  answer(c, error) as unknown as CrmProblemResponse;

const answer = (c: Context, error: ConfigurationError) => {
  switch (error.type) {
    case 'NotAnActiveAdvisor':
      return problem(c, 422, 'not_an_active_advisor', 'Not an active advisor', `User ${error.userId} is not an active advisor.`, { userId: error.userId });
    case 'AdvisorGroupNotFound':
      return problem(c, 404, 'advisor_group_not_found', 'Advisor group not found', `No advisor group ${error.groupId}.`);
    case 'PhoneNumberIdTaken':
      return problem(c, 409, 'phone_number_id_taken', 'Phone-number id taken', `Line ${error.lineId} already uses ${error.phoneNumberId}.`, { lineId: error.lineId });
    case 'UnknownAdvisorGroup':
      return problem(c, 422, 'unknown_advisor_group', 'Unknown advisor group', `No advisor group ${error.groupId}.`);
    case 'UnknownProjects':
      return problem(c, 422, 'unknown_projects', 'Unknown projects', `No projects ${error.projectIds.join(', ')}.`, { projectIds: error.projectIds });
    case 'InvalidProject':
      return problem(c, 422, 'invalid_project', 'Invalid project', error.reason);
    case 'UnitInUse':
      return problem(c, 409, 'unit_in_use', 'Unit in use',
        `Unit ${error.unitId} is left out but ${error.reason === 'reserved' ? 'has an active reservation' : 'appears in a quote'}; it cannot be deleted.`,
        { unitId: error.unitId, reason: error.reason });
    case 'InvalidPriceBucket':
      return problem(c, 422, 'invalid_price_bucket', 'Invalid price bucket', `Bucket ${error.bucketId}: ${error.reason}.`);
    case 'PriceBucketsOverlap':
      return problem(c, 422, 'price_buckets_overlap', 'Price buckets overlap', `Buckets ${error.bucketIds.join(' and ')} share amounts.`, { bucketIds: error.bucketIds });
    case 'InvalidDataPolicy':
      return problem(c, 422, 'invalid_data_policy', 'Invalid data policy', error.reason);
    case 'UnknownBotTexts':
      return problem(c, 422, 'unknown_bot_texts', 'Unknown bot texts', `No such texts: ${error.keys.join(', ')}.`, { keys: error.keys });
    case 'EmptyBotText':
      return problem(c, 422, 'empty_bot_text', 'Empty bot text', `The text ${error.key} may not be empty.`);
    default:
      return unreachable(error);
  }
};
