import { createRoute } from '@hono/zod-openapi';
import { requireRole } from './crm-auth.ts';
import { authResponses, problemResponse, roleResponses } from './crm-responses.ts';
import { FunnelSettingsPatchSchema, FunnelSettingsSchema } from './funnel-settings.schemas.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });
const PATH = '/settings/funnel';

export const getFunnelSettingsRoute = createRoute({
  method: 'get',
  path: PATH,
  tags: ['Settings'],
  summary: 'The funnel’s stages with the labels people read, and the separation’s expiry',
  description:
    'Any user may read it: visits carry the stage code, screens show its label (Spanish by default: Prospecto, ' +
    'Contactado, Cita agendada, Visita realizada, Cotizado, Separado, Promesa firmada, Escriturado, Entregado, ' +
    'Desistido, Perdido).',
  responses: { 200: { description: 'The funnel settings', content: json(FunnelSettingsSchema) }, ...authResponses },
});

export const updateFunnelSettingsRoute = createRoute({
  method: 'put',
  path: PATH,
  tags: ['Settings'],
  summary: 'Rename some stages or change the separation’s expiry (admins)',
  description:
    'Labels given replace the saved ones, the others are kept. A new expiry applies to reservations made from now on.',
  middleware: [requireRole('admin')] as const,
  request: { body: { required: true, content: json(FunnelSettingsPatchSchema) } },
  responses: {
    200: { description: 'The funnel settings', content: json(FunnelSettingsSchema) },
    ...roleResponses,
    422: problemResponse(
      'Invalid body (`validation_failed`, `unknown_stages`, `invalid_stage_label`, `invalid_reservation_settings`).',
    ),
  },
});
