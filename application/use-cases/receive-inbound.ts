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
    return this.uow.transaction(async (repos) => {
      let stored = 0;
      for (const entry of entries) if (await repos.inbox.add(entry, now)) stored += 1;
      return { stored, duplicates: entries.length - stored };
    });
  }
}
