import { Agent, request } from 'node:http';

export type HttpAnswer = { readonly status: number; readonly body: string };

export type HttpClient = {
  post(path: string, body: string, headers?: Readonly<Record<string, string>>): Promise<HttpAnswer>;
  get(path: string, headers?: Readonly<Record<string, string>>): Promise<HttpAnswer>;
  close(): void;
};

/**
 * node:http with one keep-alive agent: cheaper per request than fetch, so the client is not what
 * limits the rate (the hello-world baseline shows how fast it goes against a trivial server).
 */
export const httpClient = (baseUrl: string, maxSockets: number): HttpClient => {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const send = (method: string, path: string, body: string | null, headers: Readonly<Record<string, string>>) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const length = body === null ? {} : { 'content-length': String(Buffer.byteLength(body)) };
      const req = request(
        { agent, method, hostname: url.hostname, port: url.port, path, headers: { ...headers, ...length } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  return {
    post: (path, body, headers = {}) => send('POST', path, body, { 'content-type': 'application/json', ...headers }),
    get: (path, headers = {}) => send('GET', path, null, headers),
    close: () => agent.destroy(),
  };
};
