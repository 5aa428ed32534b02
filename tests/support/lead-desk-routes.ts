import { CreateLead } from '../../application/use-cases/create-lead.ts';
import { LibPhoneNumberParser } from '../../adapters/contact/libphonenumber-phone-parser.ts';
import { GetConversation } from '../../application/use-cases/get-conversation.ts';
import { MarkConversationRead } from '../../application/use-cases/mark-conversation-read.ts';
import { GetLead } from '../../application/use-cases/get-lead.ts';
import { ListLeads } from '../../application/use-cases/list-leads.ts';
import { ListVisits } from '../../application/use-cases/list-visits.ts';
import { OpenVisit } from '../../application/use-cases/open-visit.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { asId, type UserId } from '../../domain/shared/ids.ts';
import { actorNamed } from './actors.ts';
import { type Desk, TEST_ADMIN_KEY } from './desk-harness.ts';

export { actorNamed };

/** The lead use cases, built on the assembled desk's unit of work, clock, ids and events. */
export const leadUseCases = (desk: Desk) => {
  const uow = desk.container.get(TOKENS.UnitOfWork);
  const ids = desk.container.get(TOKENS.IdGenerator);
  return {
    listLeads: new ListLeads(uow, desk.clock),
    getLead: new GetLead(uow, desk.clock),
    createLead: new CreateLead(uow, desk.clock, ids, new LibPhoneNumberParser()),
    listVisits: new ListVisits(uow),
    openVisit: new OpenVisit(uow, desk.clock, ids),
    getConversation: new GetConversation(uow, desk.clock),
    markConversationRead: new MarkConversationRead(uow, desk.container.get(TOKENS.MessageGateway)),
  };
};

/**
 * The CRM API as the CRM reaches it: the real app the desk was built with (authentication, limits, problem
 * answers, every resource), requests authenticated with an API key per actor (`admin` is the bootstrap key,
 * users get one issued on first use). Paths are relative to `/api/v1`.
 */
export const leadRouter = (desk: Desk) => {
  const app = desk.container.get(TOKENS.HttpApp);
  const issue = desk.container.get(TOKENS.IssueApiKey);
  const keys = new Map<string, string>([['admin', TEST_ADMIN_KEY]]);
  const keyOf = async (actor: string): Promise<string> => {
    const known = keys.get(actor);
    if (known !== undefined) return known;
    const issued = await issue.execute({ userId: asId<UserId>(actor), label: 'test' });
    if (!issued.ok) throw new Error(`no API key for ${actor}: ${issued.error.type}`);
    keys.set(actor, issued.value.key);
    return issued.value.key;
  };
  // No route wakes anything: queuing a message announces outbox work by itself; counted from here on.
  let outboxWakes = 0;
  desk.container.get(TOKENS.WorkSignal).subscribe((work) => {
    if (work === 'outbox') outboxWakes += 1;
  });
  const request = async (actor: string, path: string, init: RequestInit = {}) =>
    app.request(`/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await keyOf(actor)}`, ...(init.headers as Record<string, string>) },
    });
  const as = (actor: string) => ({
    /** Any request, as `fetch` takes it (an empty form, a raw body…). */
    send: (path: string, init: RequestInit) => request(actor, path, init),
    get: (path: string) => request(actor, path),
    post: (path: string, body: unknown) =>
      request(actor, path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
  });
  return { app, as, outboxWakes: () => outboxWakes };
};
