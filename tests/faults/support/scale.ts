import { eventually as pollUntil } from '../../support/eventually.ts';

/**
 * How big the fault scenarios run: `FAULTS_SCALE=full` (`npm run test:faults`) gives more leads, more
 * runs and real waits; anything else is the reduced size `vitest run` (and CI) uses.
 */
export const FULL_SCALE = process.env['FAULTS_SCALE'] === 'full';

/** `reduced` normally, `full` under FAULTS_SCALE=full. */
export const scaled = <T>(reduced: T, full: T): T => (FULL_SCALE ? full : reduced);

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` (every 100 ms, with the shared `eventually`) until it returns a value other than `undefined`; `describe` explains a timeout. */
export const eventually = <T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  describe: () => Promise<string> | string,
): Promise<T> =>
  pollUntil(
    async () => {
      const value = await probe();
      if (value === undefined) throw new Error('not yet');
      return value;
    },
    { timeoutMs, intervalMs: 100, detail: describe },
  ) as Promise<T>;
