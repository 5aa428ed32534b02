import { createRoute } from '@hono/zod-openapi';
import { MAX_JSON_BODY_BYTES } from '../body-limits.ts';
import { BuilderProfileInputSchema, BuilderProfileSchema } from './builder-profile.schemas.ts';
import { requireRole } from './crm-auth.ts';
import { authResponses, problemResponse, roleResponses } from './crm-responses.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });
const PATH = '/settings/builder';

export const getBuilderProfileRoute = createRoute({
  method: 'get',
  path: PATH,
  tags: ['Settings'],
  summary: 'The builder the proposals name',
  description: 'Any user may read it (advisors show it to clients). The logo comes inline, as a data URL.',
  responses: {
    200: { description: 'The builder profile', content: json(BuilderProfileSchema) },
    ...authResponses,
    404: problemResponse('No profile saved yet (`builder_profile_not_configured`): proposals print no builder.'),
  },
});

export const updateBuilderProfileRoute = createRoute({
  method: 'put',
  path: PATH,
  tags: ['Settings'],
  summary: 'Save the builder the proposals name (admins)',
  middleware: [requireRole('admin')] as const,
  description:
    'Replaces the profile; quotes issued from now on print it, those issued before keep their PDF. ' +
    'Leave `logo` out to keep the saved logo.',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: BuilderProfileInputSchema,
          example: {
            name: 'Constructora Andina Demo S.A.S.',
            nit: '901.234.567-7',
            address: 'Carrera 43A # 1-50, oficina 804, El Poblado, Medellín',
            salesPhone: '+57 604 444 0100',
            salesEmail: 'ventas@constructora-demo.co',
            website: 'www.constructora-demo.co',
            logo: { mimeType: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAA…' },
          },
        },
      },
    },
  },
  responses: {
    200: { description: 'The profile as saved', content: json(BuilderProfileSchema) },
    ...roleResponses,
    413: problemResponse(
      `A body over ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB (\`payload_too_large\`); a logo of 256 KiB fits well within it.`,
    ),
    422: problemResponse(
      'Invalid body (`validation_failed`), a NIT whose check digit is wrong or malformed (`invalid_nit`), another field ' +
        '(`invalid_builder_profile`), a logo over 256 KiB or 2048 px a side (`logo_too_large`), or bytes that are not ' +
        'a complete PNG or JPEG of the declared type (`logo_not_an_image`). Each carries `field`.',
    ),
  },
});
