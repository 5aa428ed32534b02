import type { ResolutionContext } from 'inversify';
import { TOKENS } from './tokens.ts';

/**
 * Starts processing what was just stored (inbox, then outbox) without waiting for it: the caller has
 * already acknowledged, and the polling workers retry whatever this run does not finish.
 */
export const kickWorkers = (context: Pick<ResolutionContext, 'get'>): void => {
  const logger = context.get(TOKENS.Logger);
  const outbox = context.get(TOKENS.DispatchOutbound);
  const failed = (error: unknown) =>
    logger.error({ event: 'inbox_processing_failed', err: error }, 'Processing failed; the workers retry');
  // After each entry, not after the whole backlog: under steady traffic the inbox is never empty for long.
  const send = () => void outbox.execute().catch(failed);
  // Each entry is logged by the inbox's own report (`inboxReport`), whichever path processed it.
  // Files the entries queued are copied once they are committed, outside any transaction.
  const fetch = () => void context.get(TOKENS.FetchInboundMedia).drain().catch(failed);
  void context.get(TOKENS.ProcessInbox).drain(send).then(send).then(fetch).catch(failed);
};
