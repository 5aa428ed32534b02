import { performance } from 'node:perf_hooks';
import type { GraphStub, StubSend } from '../graph-stub.ts';
import { asksForAdvisor, FIRST_WORDS, nextMove, type Move } from '../lead-script.ts';
import { sleep } from '../load.ts';
import { benchWaId, type LeadInput, type WebhookSender } from '../webhooks.ts';

export type ConversationOptions = {
  readonly leads: number;
  readonly durationMs: number;
  /** Mean pause before each answer (uniform in ±50 %); 0 answers at once. */
  readonly thinkMs: number;
  readonly turnTimeoutMs: number;
  readonly firstLead: number;
  readonly runSalt: number;
  readonly onTick?: (c: ConversationTally) => void;
};

export type ConversationTally = {
  /** Webhook sent → the bot's question that ends the turn reaching the stub, ms. */
  readonly replyLatencies: number[];
  /** Webhook sent → the app's 200, ms. */
  readonly ackLatencies: number[];
  completed: number;
  turns: number;
  errors: number;
  firstError: string | null;
};

type Awaited = { readonly move: Exclude<Move, { kind: 'notice' }>; readonly at: number };

/** Routes the stub's sends to the lead they are for, and turns them into that lead's next move. */
class Leads {
  readonly #waiting = new Map<string, (send: StubSend) => void>();

  constructor(stub: GraphStub) {
    stub.onSend = (send) => this.#waiting.get(send.to)?.(send);
  }

  /** Resolves with the turn's last message (the question, or the final text); rejects after `timeoutMs`. */
  nextQuestion(waId: string, email: string, askedForAdvisor: boolean, timeoutMs: number): Promise<Awaited> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(waId);
        reject(new Error(`no reply to ${waId} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(waId, (send) => {
        const move = nextMove(send.body, email, askedForAdvisor);
        if (move.kind === 'notice') return;
        clearTimeout(timer);
        this.#waiting.delete(waId);
        resolve({ move, at: send.at });
      });
    });
  }
}

const think = (meanMs: number): Promise<void> =>
  meanMs <= 0 ? Promise.resolve() : sleep(meanMs * (0.5 + Math.random()));

/** One lead from "Hola" to the advisor's name; stops early (between turns) at the deadline. */
const converse = async (
  leads: Leads,
  sender: WebhookSender,
  waId: string,
  deadline: number,
  tally: ConversationTally,
  options: ConversationOptions,
) => {
  const email = `lead${waId.slice(-8)}@bench.example`;
  let input: LeadInput = FIRST_WORDS;
  while (performance.now() < deadline) {
    const asked = asksForAdvisor(input);
    const question = leads.nextQuestion(waId, email, asked, options.turnTimeoutMs);
    question.catch(() => {});
    const sentAt = performance.now();
    await sender.send(waId, input);
    tally.ackLatencies.push(performance.now() - sentAt);
    const { move, at } = await question;
    tally.replyLatencies.push(at - sentAt);
    tally.turns += 1;
    if (move.kind === 'done') {
      tally.completed += 1;
      return;
    }
    input = move.input;
    await think(options.thinkMs);
  }
};

/**
 * `leads` conversations at once, each a new lead walking the whole bot flow; when one ends, the next
 * lead starts in its place, so `leads` conversations stay active for the whole phase.
 */
export const conversationPhase = async (
  sender: WebhookSender,
  stub: GraphStub,
  options: ConversationOptions,
): Promise<ConversationTally> => {
  const leads = new Leads(stub);
  const tally: ConversationTally = {
    replyLatencies: [],
    ackLatencies: [],
    completed: 0,
    turns: 0,
    errors: 0,
    firstError: null,
  };
  const deadline = performance.now() + options.durationMs;
  let next = options.firstLead;
  const ticker = setInterval(() => options.onTick?.(tally), 1_000);
  const slot = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const waId = benchWaId(options.runSalt, next++);
      await converse(leads, sender, waId, deadline, tally, options).catch((error: unknown) => {
        tally.errors += 1;
        tally.firstError ??= error instanceof Error ? error.message : String(error);
      });
    }
  };
  try {
    await Promise.all(
      Array.from({ length: options.leads }, (_, i) =>
        sleep((i * Math.max(options.thinkMs, 10)) / options.leads).then(slot),
      ),
    );
  } finally {
    clearInterval(ticker);
    stub.onSend = null;
  }
  return tally;
};
