import { index, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

export const dataSubjectRequestKind = pgEnum('data_subject_request_kind', ['access', 'erasure']);

/**
 * The audit of data subjects' requests (Ley 1581 de 2012): who exported or erased which lead's data, and when.
 * Never the data itself; `media_ids` are the files an erasure deleted, so a repeated one can finish the job.
 */
export const dataSubjectRequests = pgTable(
  'data_subject_requests',
  {
    id: text('id').primaryKey(),
    leadId: text('lead_id').notNull(),
    kind: dataSubjectRequestKind('kind').notNull(),
    actor: text('actor').notNull(),
    at: instant('at').notNull(),
    mediaIds: text('media_ids').array().notNull().default([]),
  },
  (t) => [
    index('data_subject_requests_at_idx').on(t.at, t.id),
    index('data_subject_requests_lead_idx').on(t.leadId, t.at),
  ],
);
