import { performance } from 'node:perf_hooks';

export type LoadOptions = {
  readonly concurrency: number;
  /** Stops starting new requests after this long. */
  readonly durationMs: number;
  /** Stops after this many requests, when sooner than the duration. */
  readonly maxRequests?: number;
  /** Called about once a second with the requests done so far. */
  readonly onTick?: (done: number, elapsedMs: number) => void;
};

export type LoadResult = {
  /** Latency of each successful request, ms. */
  readonly latencies: number[];
  readonly errors: number;
  /** First error seen, to say why a phase failed. */
  readonly firstError: string | null;
  readonly elapsedMs: number;
};

/**
 * Closed loop: `concurrency` workers each send the next request as soon as the last one answered.
 * `task(i)` runs request number `i` and throws (or rejects) on failure.
 */
export const closedLoop = async (options: LoadOptions, task: (i: number) => Promise<void>): Promise<LoadResult> => {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const start = performance.now();
  const deadline = start + options.durationMs;
  const limit = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const ticker = setInterval(() => options.onTick?.(latencies.length, performance.now() - start), 1_000);
  const worker = async (): Promise<void> => {
    while (next < limit && performance.now() < deadline) {
      const i = next++;
      const began = performance.now();
      try {
        await task(i);
        latencies.push(performance.now() - began);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    clearInterval(ticker);
  }
  return { latencies, errors, firstError, elapsedMs: performance.now() - start };
};

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every `everyMs` until it is true; false when `timeoutMs` passes first. */
export const waitUntil = async (probe: () => boolean, timeoutMs: number, everyMs = 50): Promise<boolean> => {
  const deadline = performance.now() + timeoutMs;
  while (!probe()) {
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
  return true;
};
