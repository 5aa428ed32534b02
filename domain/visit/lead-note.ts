import type { LeadId, VisitId } from '../shared/ids.ts';
import type { Instant } from '../shared/time.ts';

/**
 * Something the lead asked the bot that a person must answer ("¿tienen parqueadero?"): kept for their advisor on the
 * visit the lead was looking at (or on the lead, before any visit). The lead's own words: erased with the lead.
 */
export type LeadNote = {
  readonly leadId: LeadId;
  readonly visitId: VisitId | null;
  readonly text: string;
  readonly at: Instant;
};

/** How many notes the visit card and the lead show (the newest). */
export const NOTES_SHOWN = 20;
