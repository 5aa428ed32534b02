import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { eventually } from './eventually.ts';

/** A free TCP port on loopback, found by binding port 0 and closing at once. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });

export type AppProcess = {
  readonly url: string;
  readonly child: ChildProcess;
  /** What the app wrote to stderr and stdout, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, like a machine losing power. */
  kill(): Promise<void>;
  stop(): Promise<void>;
};

const waitForHealth = async (url: string, child: ChildProcess, output: () => string): Promise<void> => {
  await eventually(
    async () =>
      child.exitCode !== null ||
      fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      ),
    { what: 'the app to become healthy', timeoutMs: 60_000, intervalMs: 100, detail: output },
  );
  if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${output()}`);
};

/** Runs `npm start`'s entry point (bootstrap/main.ts) as a real child process with the given environment. */
export const spawnApp = async (env: Readonly<Record<string, string>>): Promise<AppProcess> => {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bootstrap/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => log);
  return {
    url,
    child,
    output: () => log,
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};
