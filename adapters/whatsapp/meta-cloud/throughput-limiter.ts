export type ThroughputLimiterOptions = {
  /**
   * Messages per second per business line; Meta's default is 80 (1,000 after an upgrade, 20 for coexistence):
   * adapters/whatsapp/meta-cloud/README.md §F14.
   */
  readonly perSecond?: number;
  /**
   * Added to the one-second window: sends leave a little after their reserved instant, unevenly, so
   * a window measured where they arrive could otherwise hold one or two more than `perSecond`.
   */
  readonly windowMarginMs?: number;
  /** Least time between two messages to the same user from the same line. */
  readonly recipientSpacingMs?: number;
  /** Wait after a first pair-rate refusal (131056); each further one in a row waits four times longer. */
  readonly pairRateBackoffMs?: number;
  readonly maxPairRateBackoffMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
};

const WINDOW_MS = 1_000;
/** A recipient idle this long is forgotten (its strikes too), so the map does not grow forever. */
const FORGET_AFTER_MS = 10 * 60_000;

const key = (line: string, recipient: string): string => `${line}\u0000${recipient}`;

type Recipient = { nextAt: number; backoffUntil: number; strikes: number; pending: number; tail: Promise<void> };

/**
 * Paces sends per line and per recipient. Each send reserves an instant, then waits for it:
 * a line's reservations are increasing and any `perSecond + 1` of them in a row span at least
 * one second, so no one-second window ever holds more than `perSecond`. Sends to one recipient
 * go one after another, `recipientSpacingMs` apart. A pair-rate refusal starts a back-off that
 * `acquire` does not sleep through (it can last minutes): callers ask `backoffRemaining` first.
 */
export class ThroughputLimiter {
  readonly #perSecond: number;
  readonly #windowMs: number;
  readonly #spacingMs: number;
  readonly #pairBackoffMs: number;
  readonly #maxPairBackoffMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** Per line, its last `perSecond` reservations, oldest first. */
  readonly #slots = new Map<string, number[]>();
  /** Per line, when its last `perSecond` messages actually left, oldest first. */
  readonly #departures = new Map<string, number[]>();
  readonly #recipients = new Map<string, Recipient>();
  #sweptAt = -Infinity;

  constructor(options: ThroughputLimiterOptions = {}) {
    this.#perSecond = options.perSecond ?? 80;
    if (!Number.isInteger(this.#perSecond) || this.#perSecond < 1)
      throw new RangeError('perSecond must be a positive integer');
    this.#windowMs = WINDOW_MS + (options.windowMarginMs ?? 0);
    this.#spacingMs = options.recipientSpacingMs ?? 1_000;
    this.#pairBackoffMs = options.pairRateBackoffMs ?? 6_000;
    this.#maxPairBackoffMs = options.maxPairRateBackoffMs ?? 5 * 60_000;
    this.#now = options.now ?? (() => Date.now());
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves when a message from `line` to `recipient` may go; the caller sends right away. */
  async acquire(line: string, recipient: string): Promise<void> {
    const state = this.#recipient(line, recipient);
    state.pending += 1;
    const turn = state.tail.then(() => this.#take(line, state));
    state.tail = turn.catch(() => {});
    try {
      await turn;
    } finally {
      state.pending -= 1;
    }
  }

  /** Meta refused a message to this recipient for pair rate (131056): the back-off now applied, in ms. */
  pairRateHit(line: string, recipient: string): number {
    const state = this.#recipient(line, recipient);
    state.strikes += 1;
    const backoff = Math.min(this.#maxPairBackoffMs, this.#pairBackoffMs * 4 ** (state.strikes - 1));
    state.backoffUntil = Math.max(state.backoffUntil, this.#now() + backoff);
    return backoff;
  }

  /** How long this recipient is still backed off after a pair-rate refusal; 0 when free. */
  backoffRemaining(line: string, recipient: string): number {
    const state = this.#recipients.get(key(line, recipient));
    return state === undefined ? 0 : Math.max(0, state.backoffUntil - this.#now());
  }

  /** Meta took a message to this recipient: pair-rate back-off starts over. */
  accepted(line: string, recipient: string): void {
    this.#recipient(line, recipient).strikes = 0;
  }

  async #take(line: string, state: Recipient): Promise<void> {
    await this.#until(state.nextAt);
    const slot = this.#reserve(line);
    state.nextAt = Math.max(state.nextAt, slot + this.#spacingMs);
    await this.#until(slot);
    await this.#depart(line);
  }

  /**
   * Timers fire late on a busy event loop, so sends reserved a window apart can leave bunched up: the
   * window is checked once more against when the line's last `perSecond` messages really left.
   */
  async #depart(line: string): Promise<void> {
    const gone = this.#departures.get(line) ?? [];
    this.#departures.set(line, gone);
    for (;;) {
      const oldest = gone.length >= this.#perSecond ? (gone[gone.length - this.#perSecond] ?? -Infinity) : -Infinity;
      const wait = oldest + this.#windowMs - this.#now();
      if (wait <= 0) break;
      await this.#sleep(wait);
    }
    gone.push(this.#now());
    if (gone.length > this.#perSecond) gone.shift();
  }

  #reserve(line: string): number {
    const slots = this.#slots.get(line) ?? [];
    const last = slots.at(-1) ?? -Infinity;
    const full =
      slots.length >= this.#perSecond
        ? (slots[slots.length - this.#perSecond] ?? -Infinity) + this.#windowMs
        : -Infinity;
    const slot = Math.max(this.#now(), last, full);
    slots.push(slot);
    if (slots.length > this.#perSecond) slots.shift();
    this.#slots.set(line, slots);
    return slot;
  }

  async #until(instant: number): Promise<void> {
    const wait = instant - this.#now();
    if (wait > 0) await this.#sleep(wait);
  }

  #recipient(line: string, recipient: string): Recipient {
    let state = this.#recipients.get(key(line, recipient));
    if (state === undefined) {
      this.#forgetIdle();
      state = { nextAt: -Infinity, backoffUntil: -Infinity, strikes: 0, pending: 0, tail: Promise.resolve() };
      this.#recipients.set(key(line, recipient), state);
    }
    return state;
  }

  #forgetIdle(): void {
    const now = this.#now();
    if (this.#recipients.size < 1_000 || now - this.#sweptAt < 60_000) return;
    this.#sweptAt = now;
    for (const [key, state] of this.#recipients)
      if (state.pending === 0 && Math.max(state.nextAt, state.backoffUntil) + FORGET_AFTER_MS <= now)
        this.#recipients.delete(key);
  }
}
