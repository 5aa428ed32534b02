import { performance } from 'node:perf_hooks';
import type { GraphStub } from '../graph-stub.ts';
import type { RssSampler } from '../rss.ts';
import { driftOf, type Drift } from '../stats.ts';
import type { WebhookSender } from '../webhooks.ts';
import { conversationPhase, type ConversationOptions, type ConversationTally } from './conversations.ts';

export type SoakResult = {
  readonly conversations: ConversationTally;
  readonly warmupMs: number;
  /** RSS after the warm-up, bytes; `spread` is the largest deviation from the mean, as a fraction of it. */
  readonly rss: Drift;
  readonly samples: number;
};

/** Steady conversations for the whole duration; RSS sampled throughout, judged after the warm-up. */
export const soakPhase = async (
  sender: WebhookSender,
  stub: GraphStub,
  rss: RssSampler,
  options: ConversationOptions & { readonly warmupMs: number },
): Promise<SoakResult> => {
  const judgedFrom = performance.now() + options.warmupMs;
  const conversations = await conversationPhase(sender, stub, options);
  const judged = rss.samples.filter((s) => s.at >= judgedFrom).map((s) => s.bytes);
  return { conversations, warmupMs: options.warmupMs, rss: driftOf(judged), samples: judged.length };
};
