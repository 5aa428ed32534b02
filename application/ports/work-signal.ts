/** Which queue got work: the inbox (messages and receipts WhatsApp reported) or the outbox (messages to send). */
export type Work = 'inbox' | 'outbox';

export type WorkListener = (work: Work) => void;

/**
 * Wakes the message pipelines when work is stored: this instance's at once, the other instances' on the same
 * database soon after. A hint, not a queue: a signal may be lost (a listening connection down), so the work
 * itself stays in the inbox and the outbox, and a slow poll picks up what no signal announced.
 */
export interface WorkSignal {
  /** Says `work` was stored and committed. Never throws nor waits. */
  announce(work: Work): void;
  /** Hears what this instance and the others announce; returns the function that stops listening. */
  subscribe(listener: WorkListener): () => void;
}
