import type { CreateLead } from '../../../application/use-cases/create-lead.ts';
import type { GetConversation } from '../../../application/use-cases/get-conversation.ts';
import type { MarkConversationRead } from '../../../application/use-cases/mark-conversation-read.ts';
import type { GetLead } from '../../../application/use-cases/get-lead.ts';
import type { ListLeads } from '../../../application/use-cases/list-leads.ts';
import type { ListVisits } from '../../../application/use-cases/list-visits.ts';
import type { OpenVisit } from '../../../application/use-cases/open-visit.ts';
import type { SendAgentMessage } from '../../../application/use-cases/send-agent-message.ts';

/** What the lead routes need: the use cases (queuing a message wakes the senders by itself). */
export type LeadRouteDeps = {
  readonly listLeads: ListLeads;
  readonly getLead: GetLead;
  readonly createLead: CreateLead;
  readonly listVisits: ListVisits;
  readonly openVisit: OpenVisit;
  readonly getConversation: GetConversation;
  readonly markConversationRead: MarkConversationRead;
  readonly sendAgentMessage: SendAgentMessage;
};
