import { describe, expect, it } from 'vitest';
import { eventually } from './eventually.ts';

describe('eventually', () => {
  it('returns what the assertion returns once it stops throwing', async () => {
    let calls = 0;
    const value = await eventually(() => {
      calls += 1;
      expect(calls).toBeGreaterThanOrEqual(3);
      return 'listo';
    });
    expect(value).toBe('listo');
    expect(calls).toBe(3);
  });

  it('keeps polling while a condition returns false', async () => {
    let calls = 0;
    await eventually(() => ++calls === 4, { intervalMs: 1 });
    expect(calls).toBe(4);
  });

  it('fails after the timeout with the last error, the tries and the detail', async () => {
    let calls = 0;
    const failure = eventually(
      () => {
        calls += 1;
        expect(calls).toBe(-1);
      },
      { timeoutMs: 60, intervalMs: 10, what: 'the impossible', detail: () => 'stub saw nothing' },
    );
    await expect(failure).rejects.toThrow(/timed out after 60 ms waiting for the impossible \(\d+ tries\)/);
    await expect(failure).rejects.toThrow(/expected \d+ to be -1/);
    await expect(failure).rejects.toThrow(/stub saw nothing/);
  });

  it('says the condition was still false when it never came true', async () => {
    await expect(eventually(async () => false, { timeoutMs: 30 })).rejects.toThrow(/still false/);
  });
});
