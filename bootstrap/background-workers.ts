import type { Container } from 'inversify';
import { TOKENS } from './tokens.ts';

export type Workers = { stop(): Promise<void> };

/**
 * The message pipeline's safety net: storing work wakes the pipelines itself (this instance's at once, the
 * others' through the database), so this slow poll only catches retries that came due and work a lost
 * wake-up or a crashed instance left. Every path runs the same pipeline, and each inbox entry is logged by
 * the inbox's own report (`inboxReport`).
 */
export const startWorkers = (container: Container, intervalMs: number): Workers => {
  const pipeline = container.get(TOKENS.MessagePipeline);
  const timer = setInterval(() => pipeline.wake(), intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await pipeline.stop();
    },
  };
};
