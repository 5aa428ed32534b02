import type { Conversation } from '../../domain/conversation/conversation.ts';
import type { Lead } from '../../domain/lead/lead.ts';
import type { Instant } from '../../domain/shared/time.ts';
import { aConversation } from './conversation-builder.ts';
import { aLead } from './lead-builder.ts';

export type LeadInConversation = { readonly lead: Lead; readonly conversation: Conversation };

/**
 * A lead the bot registered, assigned to `advisor`, and their conversation on line-1, which they last wrote to
 * (and the lead was created) at `at`: the window is open for 24 hours from then.
 */
export const aLeadInConversation = (
  id: string,
  phone: string,
  name: string,
  advisor: string,
  at: Instant,
): LeadInConversation => ({
  lead: aLead()
    .withId(id)
    .withLine('line-1')
    .withPhone(phone)
    .withName(name)
    .assignedTo(advisor, at)
    .createdAt(at)
    .build(),
  conversation: aConversation()
    .withId(`conversation-${id}`)
    .onLine('line-1')
    .withContact({ phone, userId: null })
    .ofLead(id)
    .lastInboundAt(at)
    .createdAt(at)
    .build(),
});
