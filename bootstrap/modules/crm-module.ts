import { ContainerModule } from 'inversify';
import { NodeApiKeySecrets } from '../../adapters/security/node-api-key-secrets.ts';
import type { ApiKeySecrets } from '../../application/ports/api-key-secrets.ts';
import type { Clock } from '../../application/ports/clock.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import type { WorkSignal } from '../../application/ports/work-signal.ts';
import { AuthenticateApiKey } from '../../application/use-cases/authenticate-api-key.ts';
import { CreateUser } from '../../application/use-cases/create-user.ts';
import { IssueApiKey } from '../../application/use-cases/issue-api-key.ts';
import { ListUsers } from '../../application/use-cases/list-users.ts';
import { RevokeApiKey } from '../../application/use-cases/revoke-api-key.ts';
import { ListApiKeys } from '../../application/use-cases/list-api-keys.ts';
import { DeactivateUser } from '../../application/use-cases/deactivate-user.ts';
import { ReactivateUser } from '../../application/use-cases/reactivate-user.ts';
import { SetWorkingHours } from '../../application/use-cases/set-working-hours.ts';
import type { MessageGateway } from '../../application/ports/message-gateway.ts';
import { CreateLead } from '../../application/use-cases/create-lead.ts';
import type { PhoneParser } from '../../application/ports/phone-parser.ts';
import { LibPhoneNumberParser } from '../../adapters/contact/libphonenumber-phone-parser.ts';
import { GetConversation } from '../../application/use-cases/get-conversation.ts';
import { HandBackConversation } from '../../application/use-cases/hand-back-conversation.ts';
import { MarkConversationRead } from '../../application/use-cases/mark-conversation-read.ts';
import { ListUnregisteredVisitors } from '../../application/use-cases/list-unregistered-visitors.ts';
import { TakeOverConversation } from '../../application/use-cases/take-over-conversation.ts';
import { GetLead } from '../../application/use-cases/get-lead.ts';
import { ListLeads } from '../../application/use-cases/list-leads.ts';
import { ListVisits } from '../../application/use-cases/list-visits.ts';
import { OpenVisit } from '../../application/use-cases/open-visit.ts';
import { DiscardDeadLetter } from '../../application/use-cases/discard-dead-letter.ts';
import { GetDeadLetter } from '../../application/use-cases/get-dead-letter.ts';
import { ListDeadLetters } from '../../application/use-cases/list-dead-letters.ts';
import { RetryDeadLetter } from '../../application/use-cases/retry-dead-letter.ts';
import type { Config } from '../config.ts';

type Binder = Parameters<ConstructorParameters<typeof ContainerModule>[0]>[0];
import { TOKENS } from '../tokens.ts';

/** The CRM API's own use cases: authentication, users and API keys. */
export const crmModule = (config: Config) =>
  new ContainerModule(({ bind }) => {
    bind(TOKENS.ApiKeySecrets).toConstantValue(new NodeApiKeySecrets());
    bind(TOKENS.AuthenticateApiKey).toResolvedValue(
      (uow: UnitOfWork, secrets: ApiKeySecrets, clock: Clock) =>
        new AuthenticateApiKey(uow, secrets, clock, config.crmAdminApiKey),
      [TOKENS.UnitOfWork, TOKENS.ApiKeySecrets, TOKENS.Clock],
    );
    bind(TOKENS.CreateUser).toResolvedValue(
      (uow: UnitOfWork, ids: IdGenerator) => new CreateUser(uow, ids),
      [TOKENS.UnitOfWork, TOKENS.IdGenerator],
    );
    bind(TOKENS.ListUsers).toResolvedValue((uow: UnitOfWork) => new ListUsers(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.IssueApiKey).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, secrets: ApiKeySecrets) =>
        new IssueApiKey(uow, clock, ids, secrets),
      [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator, TOKENS.ApiKeySecrets],
    );
    bind(TOKENS.RevokeApiKey).toResolvedValue(
      (uow: UnitOfWork, clock: Clock) => new RevokeApiKey(uow, clock),
      [TOKENS.UnitOfWork, TOKENS.Clock],
    );
    bind(TOKENS.ListApiKeys).toResolvedValue((uow: UnitOfWork) => new ListApiKeys(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.DeactivateUser).toResolvedValue((uow: UnitOfWork) => new DeactivateUser(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.ReactivateUser).toResolvedValue((uow: UnitOfWork) => new ReactivateUser(uow), [TOKENS.UnitOfWork]);
    bind(TOKENS.SetWorkingHours).toResolvedValue((uow: UnitOfWork) => new SetWorkingHours(uow), [TOKENS.UnitOfWork]);
    bindLeadUseCases(bind);
    bindDeadLetterUseCases(bind);
  });

/** Admins' view of the inbox entries set aside after failing too often. */
const bindDeadLetterUseCases = (bind: Binder['bind']): void => {
  bind(TOKENS.ListDeadLetters).toResolvedValue((uow: UnitOfWork) => new ListDeadLetters(uow), [TOKENS.UnitOfWork]);
  bind(TOKENS.GetDeadLetter).toResolvedValue((uow: UnitOfWork) => new GetDeadLetter(uow), [TOKENS.UnitOfWork]);
  bind(TOKENS.RetryDeadLetter).toResolvedValue(
    (uow: UnitOfWork, clock: Clock, signal: WorkSignal) => new RetryDeadLetter(uow, clock, signal),
    [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.WorkSignal],
  );
  bind(TOKENS.DiscardDeadLetter).toResolvedValue(
    (uow: UnitOfWork, clock: Clock) => new DiscardDeadLetter(uow, clock),
    [TOKENS.UnitOfWork, TOKENS.Clock],
  );
};

/** The visitors list and the chat panel: leads, visits and conversations. */
const bindLeadUseCases = (bind: Binder['bind']): void => {
  bind(TOKENS.ListLeads).toResolvedValue(
    (uow: UnitOfWork, clock: Clock) => new ListLeads(uow, clock),
    [TOKENS.UnitOfWork, TOKENS.Clock],
  );
  bind(TOKENS.GetLead).toResolvedValue(
    (uow: UnitOfWork, clock: Clock) => new GetLead(uow, clock),
    [TOKENS.UnitOfWork, TOKENS.Clock],
  );
  // National numbers typed in the CRM are read as Colombian ones.
  bind(TOKENS.PhoneParser).toConstantValue(new LibPhoneNumberParser('CO'));
  bind(TOKENS.CreateLead).toResolvedValue(
    (uow: UnitOfWork, clock: Clock, ids: IdGenerator, phones: PhoneParser) => new CreateLead(uow, clock, ids, phones),
    [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator, TOKENS.PhoneParser],
  );
  bind(TOKENS.ListVisits).toResolvedValue((uow: UnitOfWork) => new ListVisits(uow), [TOKENS.UnitOfWork]);
  bind(TOKENS.OpenVisit).toResolvedValue(
    (uow: UnitOfWork, clock: Clock, ids: IdGenerator) => new OpenVisit(uow, clock, ids),
    [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator],
  );
  bind(TOKENS.GetConversation).toResolvedValue(
    (uow: UnitOfWork, clock: Clock) => new GetConversation(uow, clock),
    [TOKENS.UnitOfWork, TOKENS.Clock],
  );
  bind(TOKENS.ListUnregisteredVisitors).toResolvedValue(
    (uow: UnitOfWork, clock: Clock) => new ListUnregisteredVisitors(uow, clock),
    [TOKENS.UnitOfWork, TOKENS.Clock],
  );
  bind(TOKENS.TakeOverConversation).toResolvedValue(
    (uow: UnitOfWork, clock: Clock, ids: IdGenerator) => new TakeOverConversation(uow, { clock, ids }),
    [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator],
  );
  bind(TOKENS.HandBackConversation).toResolvedValue(
    (uow: UnitOfWork, clock: Clock, ids: IdGenerator) => new HandBackConversation(uow, { clock, ids }),
    [TOKENS.UnitOfWork, TOKENS.Clock, TOKENS.IdGenerator],
  );
  bind(TOKENS.MarkConversationRead).toResolvedValue(
    (uow: UnitOfWork, gateway: MessageGateway) => new MarkConversationRead(uow, gateway),
    [TOKENS.UnitOfWork, TOKENS.MessageGateway],
  );
};
