import { createRoute, type z } from '@hono/zod-openapi';
import { requireRole } from './crm-auth.ts';
import { problemResponse, roleResponses } from './crm-responses.ts';
import { LeadIdParam } from './leads.schemas.ts';
import {
  DataSubjectRequestPageSchema,
  ErasureSchema,
  ListDataSubjectRequestsQuery,
  PersonalDataExportSchema,
} from './personal-data.schemas.ts';

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const notFound = problemResponse('No such lead (`lead_not_found`).');
const LAW = 'Ley 1581 de 2012 and Decreto 1377 de 2013';

export const exportPersonalDataRoute = createRoute({
  method: 'get',
  path: '/leads/{id}/personal-data',
  tags: ['Personal data'],
  summary: 'Everything stored about a lead, for a data subject’s access request (admins)',
  description:
    `A data subject’s right to know what is stored about them (${LAW}): the lead, its conversations (with the ` +
    'bot’s state), every message, the files they carried with download links, visits, quotes, appointments, ' +
    'reservations, the consent history and the requests made about the lead. The export is recorded in the audit ' +
    '(`GET /admin/data-subject-requests`). Answered with `Cache-Control: no-store`.',
  middleware: [requireRole('admin')] as const,
  request: { params: LeadIdParam },
  responses: {
    200: json(PersonalDataExportSchema, 'Everything stored about the lead'),
    ...roleResponses,
    404: notFound,
  },
});

export const eraseLeadRoute = createRoute({
  method: 'post',
  path: '/leads/{id}/erasure',
  tags: ['Personal data'],
  summary: 'Erase a lead’s personal data, for a data subject’s erasure request (admins)',
  description:
    `A data subject’s right to have their data deleted ("supresión", ${LAW}). In one transaction: the lead’s name, ` +
    'phone, e-mail and WhatsApp id, what their first message said and their ad click id; their conversations’ ' +
    'contact, profile name and bot state; every message’s content (both ways) and the files the lead sent, the ' +
    'quotes’ PDFs and the appointments’ notes; inbox entries and pending downloads of their messages. Business ' +
    'records keep their figures and dates (quotes, reservations, visits, the ad a lead came from). Consent ' +
    'records keep only their time and policy version, marked `evidenceOnlySince` (the legally required evidence ' +
    'of the authorisation). Files stored outside the database are deleted after the commit. Recorded in the ' +
    'audit; erasing again is harmless (and finishes a file deletion a crash cut short).',
  middleware: [requireRole('admin')] as const,
  request: { params: LeadIdParam },
  responses: { 200: json(ErasureSchema, 'Erased, and recorded in the audit'), ...roleResponses, 404: notFound },
});

export const listDataSubjectRequestsRoute = createRoute({
  method: 'get',
  path: '/admin/data-subject-requests',
  tags: ['Personal data'],
  summary: 'The audit of data subjects’ requests: who exported or erased which lead, and when (admins), newest first',
  middleware: [requireRole('admin')] as const,
  request: { query: ListDataSubjectRequestsQuery },
  responses: {
    200: json(DataSubjectRequestPageSchema, 'A page of requests'),
    ...roleResponses,
    422: problemResponse('Invalid query (`validation_failed`, `invalid_cursor`).'),
  },
});
