import type { IdGenerator, IdKind, IdKinds } from '../../application/ports/id-generator.ts';

/** Deterministic ids for tests and examples: `lead_1`, `lead_2`, `visit_1`… counted per prefix. */
export class SequentialIdGenerator implements IdGenerator {
  readonly #counters = new Map<string, number>();

  next<K extends IdKind>(prefix: K): IdKinds[K] {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return `${prefix}_${n}` as IdKinds[K];
  }
}
