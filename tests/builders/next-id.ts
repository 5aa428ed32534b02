const counters = new Map<string, number>();

/** Distinct ids for builders' defaults; tests that care about an id set it explicitly. */
export const nextId = <I extends string = string>(prefix: string): I => {
  const n = (counters.get(prefix) ?? 0) + 1;
  counters.set(prefix, n);
  // Trusted cast, as `asId` does for ids read back from storage.
  return `${prefix}-${n}` as I;
};
