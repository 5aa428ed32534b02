import { chmodSync, mkdirSync, statSync } from 'node:fs';

const PRIVATE = 0o700;

/**
 * Makes `dir` (and any missing parent) readable by this user only: it holds the whole embedded database,
 * the files leads sent and the demo admin key. An existing directory open to others is closed; one this
 * user may not change (an operator's mount) is left as it is.
 */
export const ensurePrivateDirectory = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: PRIVATE });
  if ((statSync(dir).mode & 0o077) === 0) return;
  try {
    chmodSync(dir, PRIVATE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
};
