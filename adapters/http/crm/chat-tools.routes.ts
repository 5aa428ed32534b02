import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { MAX_UPLOAD_BYTES } from '../../../domain/media/upload-policy.ts';
import { limitBody } from '../body-limits.ts';
import { problem } from '../problem.ts';
import { requireRole } from './crm-auth.ts';
import { authResponses, problemResponse, roleResponses } from './crm-responses.ts';
import {
  MediaIdParam,
  NewQuoteBody,
  QuoteIdParam,
  QuoteSchema,
  SentQuoteSchema,
  SyncReportSchema,
  TemplateSchema,
  UploadBody,
  UploadedMediaSchema,
  VisitIdParam,
} from './chat-tools.schemas.ts';

/** Refuses an oversized body before it is read; the form's own overhead gets some room. */
const uploadLimit = limitBody(MAX_UPLOAD_BYTES + 64 * 1024, (c) =>
  problem(c, 413, 'media_too_large', 'File too large', 'The limit is 16 MB.', { maxBytes: MAX_UPLOAD_BYTES }),
);

const uploadMediaPath = '/media';

/** A form posted to the upload route (under `basePath`): held to `uploadLimit` there, not to the CRM's default limit. */
export const isMediaUpload = (c: Context, basePath: string): boolean =>
  c.req.method === 'POST' &&
  c.req.path === `${basePath}${uploadMediaPath}` &&
  /^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '');

const json = <S>(schema: S) => ({ 'application/json': { schema } });

export const listTemplatesRoute = createRoute({
  method: 'get',
  path: '/templates',
  tags: ['Templates'],
  summary:
    'The approved templates (the only messages allowed outside the 24-hour window), with their body and parameter count',
  responses: {
    200: { description: 'Approved templates by name', content: json(z.object({ items: z.array(TemplateSchema) })) },
    ...authResponses,
  },
});

export const syncTemplatesRoute = createRoute({
  method: 'post',
  path: '/templates/sync',
  tags: ['Templates'],
  summary: 'Fetch the templates from the WhatsApp Business Account now (managers and admins)',
  middleware: [requireRole('manager', 'admin')] as const,
  responses: {
    200: { description: 'How many templates were fetched and how many are approved', content: json(SyncReportSchema) },
    ...roleResponses,
    502: problemResponse('WhatsApp did not answer (`template_sync_failed`); stored templates are unchanged.'),
  },
});

export const uploadMediaRoute = createRoute({
  method: 'post',
  path: uploadMediaPath,
  tags: ['Media'],
  summary:
    'Upload a file to attach (max 16 MB): images, PDF, office documents, audio, MP4; voice notes as audio/ogg (Opus)',
  middleware: [uploadLimit] as const,
  request: { body: { required: true, content: { 'multipart/form-data': { schema: UploadBody } } } },
  responses: {
    201: { description: 'Stored; send it with its id', content: json(UploadedMediaSchema) },
    ...authResponses,
    413: problemResponse('Over 16 MB (`media_too_large`).'),
    415: problemResponse(
      'A type WhatsApp cannot take (`unsupported_media_type`), a WebM voice note (`voice_note_must_be_ogg`), or bytes that are not ' +
        'what the type says (`media_content_mismatch`, with `declaredType` and `detectedType`; audio/ogg must be OGG with Opus inside).',
    ),
    422: problemResponse('No `file` field (`validation_failed`) or an empty file (`empty_file`).'),
  },
});

export const getMediaRoute = createRoute({
  method: 'get',
  path: '/media/{id}',
  tags: ['Media'],
  summary: 'Download a stored file: uploads, quote PDFs, media the lead sent',
  request: { params: MediaIdParam },
  responses: {
    200: {
      description:
        'The bytes, with their Content-Type and a Content-Disposition naming the file: `inline` for JPEG, PNG, WebP, GIF, PDF and audio, `attachment` for anything else (a sandboxing CSP either way)',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...authResponses,
    404: problemResponse(
      'No such file, or (advisors) a file that is neither their upload nor a file of a lead they handle (`media_not_found`).',
    ),
  },
});

export const createQuoteRoute = createRoute({
  method: 'post',
  path: '/visits/{id}/quotes',
  tags: ['Quotes'],
  summary:
    'Simulate and store a quote (with its PDF) for a unit, or a unit type’s reference unit, of the visit’s project',
  request: { params: VisitIdParam, body: { required: true, content: json(NewQuoteBody) } },
  responses: {
    201: { description: 'The stored quote', content: json(QuoteSchema) },
    ...authResponses,
    404: problemResponse(
      'Unknown visit (or another advisor’s), unit or unit type of the project (`visit_not_found`, `unit_not_found`, `unit_type_not_found`).',
    ),
    409: problemResponse(
      'The lead has no conversation (`lead_has_no_conversation`) or the unit type no unit to quote (`no_unit_to_quote`).',
    ),
    422: problemResponse(
      'Invalid body, or the project’s plan cannot quote this unit: an extra the project does not catalogue ' +
        '(`unknown_extra`), savings over the down payment (`savings_exceed_down_payment`), a VIS/VIP price over its ' +
        'legal cap (`price_over_housing_cap`).',
    ),
  },
});

export const listQuotesRoute = createRoute({
  method: 'get',
  path: '/visits/{id}/quotes',
  tags: ['Quotes'],
  summary: 'The visit’s quotes, newest first, every version',
  request: { params: VisitIdParam },
  responses: {
    200: { description: 'Quotes', content: json(z.object({ items: z.array(QuoteSchema) })) },
    ...authResponses,
    404: problemResponse('Unknown visit, or another advisor’s (`visit_not_found`).'),
  },
});

export const getQuoteRoute = createRoute({
  method: 'get',
  path: '/quotes/{id}',
  tags: ['Quotes'],
  summary: 'One stored quote as issued, any version',
  request: { params: QuoteIdParam },
  responses: {
    200: { description: 'The quote', content: json(QuoteSchema) },
    ...authResponses,
    404: problemResponse('Unknown quote, or another advisor’s lead (`quote_not_found`).'),
  },
});

export const sendQuoteRoute = createRoute({
  method: 'post',
  path: '/quotes/{id}/send',
  tags: ['Quotes'],
  summary: 'Send a stored quote to its lead: the summary text and the PDF; queued and sent by the outbox',
  request: { params: QuoteIdParam },
  responses: {
    202: { description: 'Queued messages: text, then document', content: json(SentQuoteSchema) },
    ...authResponses,
    404: problemResponse('Unknown quote, or another advisor’s lead (`quote_not_found`).'),
    409: problemResponse(
      '`window_closed`: the lead has not written in 24 hours (send an approved template first); `lead_has_no_whatsapp`; ' +
        '`quote_superseded`: a newer version of the quote exists (send that one).',
    ),
  },
});
