import { z } from '@hono/zod-openapi';
import { VISIT_STAGES } from '../../../domain/visit/funnel.ts';
import { MAX_RESERVATION_DAYS } from '../../../domain/visit/reservation.ts';
import { MAX_STAGE_LABEL_LENGTH } from '../../../domain/visit/stage-labels.ts';

export const FunnelSettingsSchema = z
  .object({
    stages: z
      .array(
        z.object({
          stage: z.enum(VISIT_STAGES).openapi({ description: 'The code visits carry in `stage`' }),
          label: z.string().openapi({ description: 'What people read' }),
          final: z.boolean().openapi({ description: 'Delivered, withdrawn and lost: the visit moves no more' }),
        }),
      )
      .openapi({ description: 'Every stage, in the funnel’s order, then withdrawn and lost' }),
    reservationExpiryDays: z.number().int().openapi({
      description: 'Days a separated unit waits for the promesa before it is released',
      example: 8,
    }),
  })
  .openapi('FunnelSettings');

export const FunnelSettingsPatchSchema = z
  .object({
    stageLabels: z
      .partialRecord(z.enum(VISIT_STAGES), z.string().min(1).max(MAX_STAGE_LABEL_LENGTH))
      .optional()
      .openapi({ description: 'Only the labels to change, by stage code', example: { promise: 'Vinculado' } }),
    reservationExpiryDays: z.number().int().min(1).max(MAX_RESERVATION_DAYS).optional(),
  })
  .openapi('FunnelSettingsPatch', {
    example: { stageLabels: { promise: 'Vinculado' }, reservationExpiryDays: 10 },
  });
