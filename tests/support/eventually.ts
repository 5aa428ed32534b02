import { inspect } from 'node:util';

export type EventuallyOptions = {
  /** Gives up after this long (default 5 s). */
  readonly timeoutMs?: number;
  /** Waits this long between two tries (default 20 ms). */
  readonly intervalMs?: number;
  /** What the test waits for, in the failure message ("the bot to answer"). */
  readonly what?: string;
  /** More to show when it times out (the app's log, what the stub received). */
  readonly detail?: () => string | Promise<string>;
};

const describeError = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : inspect(error);

const pauseFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for something that happens in the background: calls `assertion` until it passes, and returns what it
 * returned. It passes when it neither throws nor returns `false` (so both `expect(…)` and a boolean condition
 * work). After `timeoutMs` it fails with the last error (or "still false"), how many tries it made and `detail`.
 * Real time only: under fake timers, advance the clock instead.
 */
export const eventually = async <T>(
  assertion: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<Exclude<T, false>> => {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const intervalMs = options.intervalMs ?? 20;
  const deadline = Date.now() + timeoutMs;
  let tries = 0;
  for (;;) {
    tries += 1;
    let last: string;
    try {
      const value = await assertion();
      if (value !== false) return value as Exclude<T, false>;
      last = 'the condition was still false';
    } catch (error) {
      last = describeError(error);
    }
    if (Date.now() >= deadline) {
      const what = options.what === undefined ? '' : ` waiting for ${options.what}`;
      const detail = options.detail === undefined ? '' : `\n--- detail ---\n${await options.detail()}`;
      throw new Error(`timed out after ${timeoutMs} ms${what} (${tries} tries); last error:\n${last}${detail}`);
    }
    await pauseFor(intervalMs);
  }
};
