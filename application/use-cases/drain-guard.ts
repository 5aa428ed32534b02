/**
 * One drain at a time per process: a call while a drain runs joins it, and makes it look for work once
 * more before it ends, so nothing stored meanwhile waits for the next poll.
 */
export class DrainGuard<T> {
  #running: Promise<T> | null = null;
  #poked = false;

  run(drain: (pokedSinceLastLook: () => boolean) => Promise<T>): Promise<T> {
    if (this.#running !== null) {
      this.#poked = true;
      return this.#running;
    }
    const poked = () => {
      const was = this.#poked;
      this.#poked = false;
      return was;
    };
    this.#running = drain(poked).finally(() => (this.#running = null));
    return this.#running;
  }
}
