import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { Hono } from 'hono';

/** The HTTP baseline: Hono on @hono/node-server answering a constant, nothing else. */
const app = new Hono().get('/', (c) => c.text('Hello World!')).get('/health', (c) => c.text('ok'));
const server = serve({ fetch: app.fetch, port: Number(process.env['PORT'] ?? 0), hostname: '127.0.0.1' }) as Server;
server.keepAliveTimeout = 60_000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
