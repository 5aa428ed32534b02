// Server-sent events over fetch(): EventSource cannot send an Authorization header, the CRM stream needs one.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const MAX_BACKOFF_MS = 15_000;

/** Splits a text/event-stream into `{ type, data }` events (comments and ids ignored). */
const parseBlock = (block) => {
  let type = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { type, data: data.join('\n') };
};

const readStream = async (body, onEvent) => {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const event = parseBlock(block);
      if (event !== null) onEvent(event.type, safeJson(event.data));
    }
  }
};

const safeJson = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Follows `url` until the returned function is called, reconnecting with exponential backoff.
 * `onStatus('open' | 'retrying' | 'unauthorized')`: on 'open' the caller should reload what it shows,
 * since events may have been missed while disconnected. A 401 stops the stream.
 */
export const followEvents = (url, { headers = {}, onEvent, onStatus = () => {} }) => {
  let stopped = false;
  let controller = null;
  const run = async () => {
    for (let attempt = 0; !stopped; ) {
      controller = new AbortController();
      try {
        const response = await fetch(url, {
          headers: { ...headers, accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (response.status === 401) return onStatus('unauthorized');
        if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
        attempt = 0;
        onStatus('open');
        await readStream(response.body, onEvent);
      } catch {
        // Dropped or refused: retry below unless stopped.
      }
      if (stopped) return;
      onStatus('retrying');
      await sleep(Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt++));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
};
