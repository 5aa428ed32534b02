import type { ResolutionContext } from 'inversify';
import type { ProcessedEntry } from '../application/use-cases/process-inbox.ts';
import { logInboxEntry } from './inbox-entry-log.ts';
import { TOKENS } from './tokens.ts';

/**
 * Starts processing what was just stored (inbox, then outbox) without waiting for it: the caller has
 * already acknowledged, and the polling workers retry whatever this run does not finish.
 */
export const kickWorkers = (context: Pick<ResolutionContext, 'get'>): void => {
  const logger = context.get(TOKENS.Logger);
  const outbox = context.get(TOKENS.DispatchOutbound);
  const failed = (error: unknown) => logger.error({ event: 'inbox_processing_failed', err: error }, 'Processing failed; the workers retry');
  // After each entry, not after the whole backlog: under steady traffic the inbox is never empty for long.
  const send = () => void outbox.execute().catch(failed);
  const processed = (entry: ProcessedEntry) => {
    logInboxEntry(logger, entry);
    send();
  };
  void context.get(TOKENS.ProcessInbox).drain(processed).then(send).catch(failed);
};
