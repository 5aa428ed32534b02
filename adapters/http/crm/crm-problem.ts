import type { Context, TypedResponse } from 'hono';
import type { InvalidEmail } from '../../../domain/contact/email.ts';
import type { Unauthenticated } from '../../../application/use-cases/authenticate-api-key.ts';
import type { CreateUserError } from '../../../application/use-cases/create-user.ts';
import type { IssueApiKeyError } from '../../../application/use-cases/issue-api-key.ts';
import type { ApiKeyNotFound } from '../../../application/use-cases/revoke-api-key.ts';
import { problem } from '../problem.ts';

/** The caller is authenticated but their role may not do this. */
export type Forbidden = { readonly type: 'Forbidden' };

/**
 * Every expected failure a CRM route can answer with. To add a resource's errors, add its union here and a
 * `case` per member below: the `never` check then fails to compile until each one has a status and a code.
 */
export type CrmError = Unauthenticated | Forbidden | CreateUserError | InvalidEmail | IssueApiKeyError | ApiKeyNotFound;

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
export const crmProblem = (c: Context, error: CrmError): CrmProblemResponse => answer(c, error) as unknown as CrmProblemResponse;

const answer = (c: Context, error: CrmError) => {
  switch (error.type) {
    case 'Unauthenticated':
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, 'unauthenticated', 'Unauthenticated', 'Send a valid API key as `Authorization: Bearer <key>`.');
    case 'Forbidden':
      return problem(c, 403, 'forbidden', 'Forbidden', 'Your role may not do this.');
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
    default:
      return unreachable(error);
  }
};
