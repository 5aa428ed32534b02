import fc from 'fast-check';
import { describe, it } from 'vitest';
import { openEphemeralStorage } from '../../bootstrap/storage.ts';
import { anyScript, runOn, type Cmd } from '../model/desk-model.ts';
import { startDesk, T0 } from '../support/desk-harness.ts';

describe('the assembled desk on PGlite (Drizzle adapters), driven like the in-memory model run', () => {
  it('keeps the window, registration, assignment and consent rules after every step', async () => {
    const run = async (cmds: Iterable<Cmd>) => {
      const storage = await openEphemeralStorage();
      try {
        await runOn(await startDesk(T0, storage), cmds);
      } finally {
        await storage.close();
      }
    };
    await fc.assert(fc.asyncProperty(anyScript, run), { numRuns: 8, seed: 20261124 });
    await fc.assert(fc.asyncProperty(anyScript, run), { numRuns: 4 });
  }, 300_000);
});
