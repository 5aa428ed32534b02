/** The source of new identities, so tests can make them deterministic. */
export interface IdGenerator {
  /** A new unique id with a readable prefix, e.g. "lead_…"; never throws. */
  next(prefix: string): string;
}
