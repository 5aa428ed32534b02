import { createRoute, z } from '@hono/zod-openapi';

const Status = (status: string) => z.object({ status: z.literal(status) });

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness: the process is up and serving HTTP',
  responses: {
    200: { description: 'Alive', content: { 'application/json': { schema: Status('ok') } } },
  },
});

export const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['Operations'],
  summary: 'Readiness: dependencies (e.g. the database) answer, so traffic may be sent here',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Status('ready') } } },
    503: { description: 'Not ready yet', content: { 'application/json': { schema: Status('not_ready') } } },
  },
});
