import { z } from 'zod';
import type { OpeningSpan, WorkingHours } from '../../../domain/organisation/working-hours.ts';
import { versionedCodec } from './stored-codec.ts';

const minute = z
  .number()
  .int()
  .min(0)
  .max(24 * 60);
const spans: z.ZodType<readonly OpeningSpan[]> = z.array(z.looseObject({ opens: minute, closes: minute }));

const schema: z.ZodType<WorkingHours> = z.looseObject({
  monday: spans,
  tuesday: spans,
  wednesday: spans,
  thursday: spans,
  friday: spans,
  saturday: spans,
  sunday: spans,
});

/** `users.working_hours`: an advisor's own weekly schedule, minutes after midnight on Bogotá's clock. Version 1: the first shape. */
export const workingHoursCodec = versionedCodec<WorkingHours>({
  name: 'working hours',
  schema,
  // Never stored unversioned: version 0 cannot occur, and reads as version 1 would.
  upgrades: [(previous) => previous],
});
