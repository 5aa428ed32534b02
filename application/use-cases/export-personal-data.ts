import type { LeadNote } from '../../domain/visit/lead-note.ts';
import type { LeadId, MediaId, MessageId, QuoteId } from '../../domain/shared/ids.ts';
import { mediaIdsOf } from '../../domain/messaging/media-references.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { type Actor, authorOf } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import type { ConsentRecord } from '../ports/personal-data-repository.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { type LeadRecords, leadRecords } from '../steps/lead-records.ts';
import type { DataSubjectRequest } from '../../domain/lead/erasure.ts';
import type { LeadNotFound } from './lead-access.ts';

/** A file stored about the lead: where it is referred from, and what the message said it was. */
export type PersonalFile = {
  readonly id: MediaId;
  readonly messageId: MessageId | null;
  readonly quoteId: QuoteId | null;
  readonly mimeType: string | null;
  readonly filename: string | null;
};

export type PersonalDataExport = LeadRecords & {
  readonly files: readonly PersonalFile[];
  readonly consents: readonly ConsentRecord[];
  /** What the lead asked the bot for a person to answer. */
  readonly notes: readonly LeadNote[];
  /** Earlier requests about this lead, this one included. */
  readonly requests: readonly DataSubjectRequest[];
};

/** A lead asks a handful of questions; more than this many notes are not exported (a bound, not a cut in practice). */
const MAX_EXPORTED_NOTES = 1_000;

export type ExportPersonalDataInput = { readonly actor: Actor; readonly leadId: LeadId };

const filesOf = (records: LeadRecords, owned: readonly MediaId[]): PersonalFile[] => {
  const files = new Map<MediaId, PersonalFile>();
  for (const m of records.messages)
    for (const id of mediaIdsOf(m)) {
      const media = m.content.kind === 'media' ? m.content : null;
      files.set(id, {
        id,
        messageId: m.id,
        quoteId: null,
        mimeType: media?.mimeType ?? null,
        filename: media?.filename ?? null,
      });
    }
  for (const q of records.quotes)
    if (q.pdfMediaId !== null && !files.has(q.pdfMediaId))
      files.set(q.pdfMediaId, {
        id: q.pdfMediaId,
        messageId: null,
        quoteId: q.quote.id,
        mimeType: 'application/pdf',
        filename: null,
      });
  for (const id of owned)
    if (!files.has(id)) files.set(id, { id, messageId: null, quoteId: null, mimeType: null, filename: null });
  return [...files.values()];
};

/**
 * A data subject's access request (Ley 1581 de 2012 art. 8 a) and 14; admins): everything stored about the lead,
 * in one read, recorded in the audit of requests in the same transaction.
 */
export class ExportPersonalData {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(input: ExportPersonalDataInput): Promise<Result<PersonalDataExport, LeadNotFound>> {
    return this.uow.transaction(async (repos) => {
      const lead = await repos.leads.byId(input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId } as const);
      const records = await leadRecords(repos, lead);
      const owned = await repos.personalData.filesOwnedBy(
        lead.id,
        records.conversations.map((c) => c.id),
      );
      await repos.personalData.recordRequest({
        id: this.ids.next('dsr'),
        leadId: lead.id,
        kind: 'access',
        actor: authorOf(input.actor),
        at: this.clock.now(),
        mediaIds: [],
      });
      return ok({
        ...records,
        files: filesOf(records, owned),
        consents: await repos.leads.consentsOf(lead.id),
        notes: await repos.visits.notes(lead.id, null, MAX_EXPORTED_NOTES),
        requests: await repos.personalData.requestsOf(lead.id),
      });
    });
  }
}
