import type { OutboundMessage } from '../../domain/messaging/message.ts';
import type { LeadId, UserId, VisitId } from '../../domain/shared/ids.ts';
import { ok, type Result } from '../../domain/shared/result.ts';
import type { Actor } from '../ports/actor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import {
  type AgentContent,
  type AgentMessageDeps,
  type AgentMessageError,
  queueAgentMessages,
} from './agent-messages.ts';

export type { AgentContent } from './agent-messages.ts';

export type SendAgentMessageInput = {
  /** On whose behalf: the lead must be one they may see (`mayView`), a file attached one they may read (`mayReadMedia`). */
  readonly actor: Actor;
  readonly leadId: LeadId;
  readonly author: UserId;
  readonly content: AgentContent;
  /** File the message under this visit; by default the lead's most recent one. */
  readonly visitId?: VisitId;
};

export type SendAgentMessageError = AgentMessageError;

/**
 * An advisor writes to a lead. Free-form messages need the 24-hour window open and are refused up
 * front otherwise; templates are always allowed and stored with their rendered text. A file goes out only
 * if the actor may read it and its bytes are what the message calls them (`queueAgentMessages`).
 */
export class SendAgentMessage {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deps: AgentMessageDeps,
  ) {}

  async execute(input: SendAgentMessageInput): Promise<Result<OutboundMessage, SendAgentMessageError>> {
    const { content, ...rest } = input;
    const outcome = await this.uow.transaction((repos) =>
      queueAgentMessages(repos, this.deps, { ...rest, contents: [content] }),
    );
    return outcome.ok ? ok(outcome.value[0] as OutboundMessage) : outcome;
  }
}
