import type { Actor } from '../../application/ports/actor.ts';
import { CreateLead } from '../../application/use-cases/create-lead.ts';
import { LibPhoneNumberParser } from '../../adapters/contact/libphonenumber-phone-parser.ts';
import { GetConversation } from '../../application/use-cases/get-conversation.ts';
import { MarkConversationRead } from '../../application/use-cases/mark-conversation-read.ts';
import { GetLead } from '../../application/use-cases/get-lead.ts';
import { ListLeads } from '../../application/use-cases/list-leads.ts';
import { ListVisits } from '../../application/use-cases/list-visits.ts';
import { OpenVisit } from '../../application/use-cases/open-visit.ts';
import { createCrmRouter } from '../../adapters/http/crm/crm-router.ts';
import { registerLeadRoutes } from '../../adapters/http/crm/leads.router.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import type { Desk } from './desk-harness.ts';

/** The lead use cases, built on the assembled desk's unit of work, clock, ids and events. */
export const leadUseCases = (desk: Desk) => {
  const uow = desk.container.get(TOKENS.UnitOfWork);
  const ids = desk.container.get(TOKENS.IdGenerator);
  const events = desk.container.get(TOKENS.EventPublisher);
  return {
    listLeads: new ListLeads(uow, desk.clock),
    getLead: new GetLead(uow, desk.clock),
    createLead: new CreateLead(uow, desk.clock, ids, events, new LibPhoneNumberParser()),
    listVisits: new ListVisits(uow),
    openVisit: new OpenVisit(uow, desk.clock, ids, events),
    getConversation: new GetConversation(uow, desk.clock),
    markConversationRead: new MarkConversationRead(uow, desk.container.get(TOKENS.MessageGateway)),
  };
};

const ROLES: Readonly<Record<string, Actor['role']>> = { 'u-jorge': 'manager' };

/** The actor a test names: `admin` is the bootstrap key; u-jorge is a manager; other users are advisors. */
export const actorNamed = (name: string): Actor =>
  name === 'admin'
    ? { kind: 'bootstrap-admin', role: 'admin' }
    : { kind: 'user', userId: asId<UserId>(name), role: ROLES[name] ?? 'advisor' };

/** A CRM router whose "authentication" reads the actor from `x-test-actor`, with the lead routes on it. */
export const leadRouter = (desk: Desk) => {
  const router = createCrmRouter();
  router.use(async (c, next) => {
    c.set('actor', actorNamed(c.req.header('x-test-actor') ?? 'admin'));
    await next();
  });
  // No route wakes anything: queuing a message announces outbox work by itself; counted from here on.
  let outboxWakes = 0;
  desk.container.get(TOKENS.WorkSignal).subscribe((work) => {
    if (work === 'outbox') outboxWakes += 1;
  });
  registerLeadRoutes(router, { ...leadUseCases(desk), sendAgentMessage: desk.sendAgentMessage });
  const as = (actor: string) => ({
    get: (path: string) => router.request(path, { headers: { 'x-test-actor': actor } }),
    post: (path: string, body: unknown) =>
      router.request(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'x-test-actor': actor, 'content-type': 'application/json' },
      }),
  });
  return { router, as, outboxWakes: () => outboxWakes };
};
