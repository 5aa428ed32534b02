type Timer = { readonly at: number; readonly seq: number; readonly resolve: () => void };

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A clock and a sleeper that move only when `run` finds nothing else to do. */
export class VirtualTime {
  #now: number;
  #seq = 0;
  #timers: Timer[] = [];

  constructor(start = 0) {
    this.#now = start;
  }

  readonly now = (): number => this.#now;

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => this.#timers.push({ at: this.#now + Math.max(0, ms), seq: this.#seq++, resolve }));

  /** Fires timers in time order until `work` settles; throws if it waits on something that never comes. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const watched = work.finally(() => (done = true));
    for (;;) {
      await settle();
      if (done) return watched;
      const next = [...this.#timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (next === undefined) throw new Error('virtual time: nothing left to wait for, but the work is not done');
      this.#timers = this.#timers.filter((t) => t !== next);
      this.#now = Math.max(this.#now, next.at);
      next.resolve();
    }
  }
}
