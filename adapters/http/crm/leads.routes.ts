import { createRoute, z } from '@hono/zod-openapi';
import {
  CreateLeadBody,
  LeadDetailSchema,
  LeadIdParam,
  LeadPageSchema,
  LeadSchema,
  ListLeadsQuery,
  ListUnregisteredQuery,
  UnregisteredPageSchema,
  OpenVisitBody,
  VisitSchema,
} from './leads.schemas.ts';

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
import { requireRole } from './crm-auth.ts';
import { problemResponse, roleResponses } from './crm-responses.ts';
const notFound = problemResponse('No such lead, or not one of the caller’s (problem+json `lead_not_found`)');
const invalid = problemResponse('Invalid input (problem+json `validation_failed`)');

export const listLeadsRoute = createRoute({
  method: 'get',
  path: '/leads',
  tags: ['Leads'],
  summary: 'Visitors list: search and filter leads, with WhatsApp reachability and window state, newest first',
  request: { query: ListLeadsQuery },
  responses: { 200: json(LeadPageSchema, 'A page of leads'), 422: invalid },
});

export const getLeadRoute = createRoute({
  method: 'get',
  path: '/leads/{id}',
  tags: ['Leads'],
  summary: 'One lead',
  request: { params: LeadIdParam },
  responses: { 200: json(LeadDetailSchema, 'The lead, with its consent history'), 404: notFound },
});

export const createLeadRoute = createRoute({
  method: 'post',
  path: '/leads',
  tags: ['Leads'],
  summary: 'Create a lead from the CRM (the phone is normalised to E.164)',
  request: { body: { required: true, content: { 'application/json': { schema: CreateLeadBody } } } },
  responses: {
    201: json(LeadSchema, 'Created'),
    403: problemResponse('An advisor named another advisor'),
    404: problemResponse('Unknown advisor or line'),
    409: problemResponse(
      'A lead with this phone exists (`lead_already_exists`); its `leadId` is given only to those who may see that lead (its advisor, managers, admins)',
    ),
    422: invalid,
  },
});

export const listVisitsRoute = createRoute({
  method: 'get',
  path: '/leads/{id}/visits',
  tags: ['Visits'],
  summary: 'A lead’s visits (one per project of interest), most recent first',
  request: { params: LeadIdParam },
  responses: { 200: json(z.object({ items: z.array(VisitSchema) }), 'The visits'), 404: notFound },
});

export const openVisitRoute = createRoute({
  method: 'post',
  path: '/leads/{id}/visits',
  tags: ['Visits'],
  summary: 'Open a visit for a project',
  request: {
    params: LeadIdParam,
    body: { required: true, content: { 'application/json': { schema: OpenVisitBody } } },
  },
  responses: {
    201: json(VisitSchema, 'Opened'),
    404: problemResponse('Unknown lead, project or unit type'),
    409: problemResponse('The lead already has a visit for this project (`visit_already_exists`)'),
    422: invalid,
  },
});

export const listUnregisteredRoute = createRoute({
  method: 'get',
  path: '/visitors/unregistered',
  tags: ['Leads'],
  summary:
    'People talking to the bot who have not consented (or declined): their bot step, masked phone and window, newest first (managers and admins)',
  middleware: [requireRole('manager', 'admin')] as const,
  request: { query: ListUnregisteredQuery },
  responses: {
    200: json(UnregisteredPageSchema, 'A page of unregistered visitors'),
    ...roleResponses,
    422: invalid,
  },
});
