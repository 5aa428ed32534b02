import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from './crm-auth.ts';
import { problemResponse, roleResponses } from './crm-responses.ts';
import {
  AdvisorGroupInputSchema,
  AdvisorGroupSchema,
  BotTextsPatchSchema,
  BotTextsSchema,
  DataPolicySchema,
  LineInputSchema,
  LineSchema,
  PriceBucketsSchema,
  ProjectInputSchema,
  ProjectSchema,
} from './configuration.schemas.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });
const idParam = (example: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(100)
      .openapi({ param: { name: 'id', in: 'path' }, example }),
  });
const invalid = (codes: string) => ({ 422: problemResponse(`Invalid body (\`validation_failed\`${codes}).`) });

const read = <S extends z.ZodType>(path: string, tag: string, summary: string, schema: S) =>
  createRoute({
    method: 'get',
    path,
    tags: [tag],
    summary,
    middleware: [requireRole('manager', 'admin')] as const,
    responses: { 200: { description: summary, content: json(schema) }, ...roleResponses },
  });

export const listAdvisorGroupsRoute = read(
  '/advisor-groups',
  'Configuration',
  'Advisor groups, by name',
  z.object({ groups: z.array(AdvisorGroupSchema) }),
);
export const listLinesRoute = read(
  '/lines',
  'Configuration',
  'Business lines',
  z.object({ lines: z.array(LineSchema) }),
);
export const listProjectsRoute = read(
  '/projects',
  'Catalogue',
  'Projects with payment plan, unit types and units',
  z.object({ projects: z.array(ProjectSchema) }),
);
export const listPriceBucketsRoute = read(
  '/price-buckets',
  'Catalogue',
  'Price ranges the bot offers',
  PriceBucketsSchema,
);
export const getDataPolicyRoute = read(
  '/settings/data-policy',
  'Settings',
  'The data-treatment policy',
  DataPolicySchema,
);
/** Which catalogue of texts: the "tú" one (default) or the formal "usted" one, for lines whose formality is usted. */
const FormalityQuery = z.object({
  formality: z
    .enum(['tu', 'usted'])
    .default('tu')
    .openapi({ description: 'The "tu" texts (default) or the formal "usted" ones (lines with `formality: usted`)' }),
});

export const getBotTextsRoute = createRoute({
  method: 'get',
  path: '/settings/bot-texts',
  tags: ['Settings'],
  summary: 'Every text the bot says, as "tú" or as "usted"',
  middleware: [requireRole('manager', 'admin')] as const,
  request: { query: FormalityQuery },
  responses: { 200: { description: 'Every text', content: json(BotTextsSchema) }, ...roleResponses },
});

export const createAdvisorGroupRoute = createRoute({
  method: 'post',
  path: '/advisor-groups',
  tags: ['Configuration'],
  summary: 'Create an advisor group (admins)',
  middleware: [requireRole('admin')] as const,
  request: { body: { required: true, content: json(AdvisorGroupInputSchema) } },
  responses: {
    201: { description: 'The new group', content: json(AdvisorGroupSchema) },
    ...roleResponses,
    ...invalid(', `not_an_active_advisor`'),
  },
});

export const updateAdvisorGroupRoute = createRoute({
  method: 'put',
  path: '/advisor-groups/{id}',
  tags: ['Configuration'],
  summary: 'Rename a group and replace its members (admins)',
  middleware: [requireRole('admin')] as const,
  request: { params: idParam('g-ventas'), body: { required: true, content: json(AdvisorGroupInputSchema) } },
  responses: {
    200: { description: 'The group', content: json(AdvisorGroupSchema) },
    ...roleResponses,
    404: problemResponse('No such group (`advisor_group_not_found`).'),
    ...invalid(', `not_an_active_advisor`'),
  },
});

export const saveLineRoute = createRoute({
  method: 'put',
  path: '/lines/{id}',
  tags: ['Configuration'],
  summary: 'Create or replace a business line (admins)',
  middleware: [requireRole('admin')] as const,
  request: { params: idParam('line-main'), body: { required: true, content: json(LineInputSchema) } },
  responses: {
    200: { description: 'The line', content: json(LineSchema) },
    ...roleResponses,
    409: problemResponse('Another line has this phone-number id (`phone_number_id_taken`).'),
    ...invalid(', `unknown_advisor_group`, `unknown_projects`'),
  },
});

export const upsertProjectRoute = createRoute({
  method: 'put',
  path: '/projects/{id}',
  tags: ['Catalogue'],
  summary: 'Create or replace a project with its units (admins)',
  middleware: [requireRole('admin')] as const,
  description:
    "The CRM syncs its catalogue through this. Unit types and units are upserted by id; the project's ones left out are deleted, unless a unit left out is reserved or was quoted: then nothing changes (409 `unit_in_use`).",
  request: { params: idParam('p-bog-1'), body: { required: true, content: json(ProjectInputSchema) } },
  responses: {
    200: { description: 'The project', content: json(ProjectSchema) },
    ...roleResponses,
    ...invalid(', `invalid_project`'),
    409: problemResponse(
      'A unit left out has an active reservation or a quote (`unit_in_use`); keep it in the request.',
    ),
  },
});

export const replacePriceBucketsRoute = createRoute({
  method: 'put',
  path: '/price-buckets',
  tags: ['Catalogue'],
  summary: 'Store the price ranges (admins)',
  middleware: [requireRole('admin')] as const,
  description:
    'Buckets are stored by id; ranges (inclusive) may not overlap. The request replaces every bucket: buckets left out are deleted.',
  request: { body: { required: true, content: json(PriceBucketsSchema) } },
  responses: {
    200: { description: 'Every bucket, by min', content: json(PriceBucketsSchema) },
    ...roleResponses,
    ...invalid(', `invalid_price_bucket`, `price_buckets_overlap`'),
  },
});

export const updateDataPolicyRoute = createRoute({
  method: 'put',
  path: '/settings/data-policy',
  tags: ['Settings'],
  summary: 'Publish a data policy version (admins)',
  middleware: [requireRole('admin')] as const,
  description: 'Consents keep the version they were given under; a new version applies to consents given from now on.',
  request: { body: { required: true, content: json(DataPolicySchema) } },
  responses: {
    200: { description: 'The policy', content: json(DataPolicySchema) },
    ...roleResponses,
    ...invalid(', `invalid_data_policy`'),
  },
});

export const updateBotTextsRoute = createRoute({
  method: 'put',
  path: '/settings/bot-texts',
  tags: ['Settings'],
  summary: 'Replace some bot texts, of the "tú" or the "usted" catalogue (admins)',
  middleware: [requireRole('admin')] as const,
  request: { query: FormalityQuery, body: { required: true, content: json(BotTextsPatchSchema) } },
  responses: {
    200: { description: 'Every text, merged', content: json(BotTextsSchema) },
    ...roleResponses,
    ...invalid(', `unknown_bot_texts`, `empty_bot_text`'),
  },
});
