/** Reading Graph answers' bodies: file bodies as they come, with an idle timeout; error bodies, only their start. */

/** Enough for any Graph error JSON; a failed file download's body is not read further. */
export const ERROR_BODY_MAX = 64 * 1024;

export const timedOut = (): DOMException => new DOMException('Graph API did not answer in time', 'TimeoutError');

/** Reads `body`, aborting through `controller` when a read waits longer than `idleMs`; stopping early cancels it. */
export async function* idleTimed(
  body: ReadableStream<Uint8Array>,
  controller: AbortController,
  idleMs: number,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    for (;;) {
      const timer = setTimeout(() => controller.abort(timedOut()), idleMs);
      const next = await reader.read().finally(() => clearTimeout(timer));
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}

/** At most `max` bytes of an answer we only need the start of (an error body); the rest is dropped. */
export const readAtMost = async (body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> => {
  const pieces: Uint8Array[] = [];
  let size = 0;
  if (body === null) return new Uint8Array();
  const reader = body.getReader();
  try {
    while (size < max) {
      const next = await reader.read();
      if (next.done) break;
      pieces.push(next.value);
      size += next.value.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return new Uint8Array(Buffer.concat(pieces)).subarray(0, max);
};
