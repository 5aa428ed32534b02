import type { Clock } from '../ports/clock.ts';
import type { InboxEntry } from '../ports/inbox-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type ReceiveReport = { readonly stored: number; readonly duplicates: number };

/**
 * Stores what WhatsApp reported (a webhook's messages and receipts) in the inbox, once per Meta id,
 * in one transaction. Acknowledge the webhook only after this returns: then nothing acknowledged is lost.
 */
export class ReceiveInbound {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(entries: readonly InboxEntry[]): Promise<ReceiveReport> {
    const now = this.clock.now();
    const [only] = entries;
    // Most webhooks carry one message or receipt: one insert, no transaction around it.
    if (entries.length === 1 && only !== undefined) {
      const stored = await this.uow.single((repos) => repos.inbox.add(only, now));
      return { stored: stored ? 1 : 0, duplicates: stored ? 0 : 1 };
    }
    return this.uow.transaction(async (repos) => {
      let stored = 0;
      for (const entry of entries) if (await repos.inbox.add(entry, now)) stored += 1;
      return { stored, duplicates: entries.length - stored };
    });
  }
}
