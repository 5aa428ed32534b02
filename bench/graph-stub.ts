import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A message the app sent, as the Graph API received it. */
export type StubSend = { readonly to: string; readonly body: Record<string, unknown>; readonly at: number };

export type GraphStub = {
  readonly url: string;
  /** Receipt time (performance.now()) of every send, in arrival order. */
  readonly sendTimes: number[];
  /** Called on every accepted send, before it is answered. */
  onSend: ((send: StubSend) => void) | null;
  /** While held, sends are recorded but not answered: the app's outbox fills up behind them. */
  hold(): void;
  /** Answers the held sends and stops holding; returns how many were held. */
  release(): number;
  close(): Promise<void>;
};

const MESSAGES_PATH = /^\/v[\d.]+\/[^/]+\/messages$/;

const reply = (res: ServerResponse, status: number, json: unknown): void => {
  const body = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
};

const graphError = (res: ServerResponse, status: number, code: number, message: string): void =>
  reply(res, status, { error: { message, type: 'OAuthException', code, fbtrace_id: 'bench' } });

const readJson = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString()));
      } catch {
        resolve(null);
      }
    });
  });

/**
 * A lean Graph API for the benchmark on 127.0.0.1: only `POST /{version}/{phone-number-id}/messages`
 * (sends and read marks), answered at once with a `wamid.bench.N`, each send's receipt time kept.
 * tests/support/stub-graph-api.ts checks every request shape and records every request; that costs
 * more per send than the app under test should be measured against.
 */
export const startGraphStub = async (token: string): Promise<GraphStub> => {
  const sendTimes: number[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  let issued = 0;
  const stub: Omit<GraphStub, 'url' | 'close'> = {
    sendTimes,
    onSend: null,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      const waiting = held.splice(0);
      for (const answer of waiting) answer();
      return waiting.length;
    },
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST' || !MESSAGES_PATH.test(req.url ?? ''))
      return graphError(res, 400, 100, 'Unsupported request');
    if (req.headers.authorization !== `Bearer ${token}`) return graphError(res, 401, 190, 'Invalid OAuth access token');
    const json = (await readJson(req)) as Record<string, unknown> | null;
    if (json?.['messaging_product'] !== 'whatsapp') return graphError(res, 400, 100, 'Invalid parameter');
    if (json['status'] === 'read') return reply(res, 200, { success: true });
    const to = typeof json['to'] === 'string' ? json['to'] : String(json['recipient'] ?? '');
    const at = performance.now();
    sendTimes.push(at);
    stub.onSend?.({ to, body: json, at });
    const answer = () =>
      reply(res, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: to }],
        messages: [{ id: `wamid.bench.${++issued}` }],
      });
    if (holding) held.push(answer);
    else answer();
  };
  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async (): Promise<void> => {
    stub.release();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return Object.assign(stub, { url, close });
};
