import {
  type DataSubjectRequest,
  erasedConversation,
  erasedInbound,
  erasedLead,
  erasedOutbound,
} from '../../domain/lead/erasure.ts';
import { identityOf, type WaIdentity } from '../../domain/lead/lead.ts';
import { mediaIdsOf } from '../../domain/messaging/media-references.ts';
import type { LeadId, MediaId } from '../../domain/shared/ids.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { type Actor, authorOf } from '../ports/actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdGenerator } from '../ports/id-generator.ts';
import { messageKeysOf } from '../ports/inbox-repository.ts';
import type { MediaStore } from '../ports/media-store.ts';
import type { ErasureScope } from '../ports/personal-data-repository.ts';
import type { Transaction } from '../ports/unit-of-work.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { type LeadRecords, leadRecords } from '../steps/lead-records.ts';
import type { LeadNotFound } from './lead-access.ts';

export type EraseLeadInput = { readonly actor: Actor; readonly leadId: LeadId };

export type Erasure = {
  readonly request: DataSubjectRequest;
  readonly messages: number;
  readonly conversations: number;
};

/**
 * A data subject's erasure ("supresión", Ley 1581 de 2012 art. 8 e); admins): the lead's name, phone, e-mail and
 * WhatsApp id, its conversations' contact, profile name and bot state, every message's content and the files
 * they carried, its quotes' PDFs and appointments' notes, in one transaction with the audit record; quotes,
 * reservations and visits keep their figures; consent stays as evidence only (see domain/lead/erasure.ts). Files
 * kept outside the database are deleted after the commit; erasing again is harmless and finishes a deletion a
 * crash cut short.
 */
export class EraseLead {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly media: Pick<MediaStore, 'delete'>,
  ) {}

  async execute(input: EraseLeadInput): Promise<Result<Erasure, LeadNotFound>> {
    const done = await this.uow.transaction(async (tx): Promise<Result<Erasure, LeadNotFound>> => {
      const lead = await tx.leads.byId(input.leadId);
      if (lead === null) return err({ type: 'LeadNotFound', leadId: input.leadId });
      const records = await leadRecords(tx, lead);
      const scope = await scopeOf(tx, records);
      await eraseRecords(tx, records);
      const at = this.clock.now();
      await tx.personalData.erase(scope, at);
      // The questions the lead asked the bot are their own words.
      await tx.visits.eraseNotes(lead.id);
      const request: DataSubjectRequest = {
        id: this.ids.next('dsr'),
        leadId: lead.id,
        kind: 'erasure',
        actor: authorOf(input.actor),
        at,
        mediaIds: scope.mediaIds,
      };
      await tx.personalData.recordRequest(request);
      return ok({ request, messages: records.messages.length, conversations: records.conversations.length });
    });
    // After the commit: a store beside the database cannot take a deletion back if the transaction failed.
    if (done.ok) for (const id of done.value.request.mediaIds) await this.media.delete(id);
    return done;
  }
}

const eraseRecords = async (tx: Transaction, records: LeadRecords): Promise<void> => {
  await tx.leads.save(erasedLead(records.lead));
  for (const c of records.conversations) await tx.conversations.save(erasedConversation(c));
  for (const m of records.messages)
    if (m.direction === 'inbound') await tx.messages.updateInboundContent(m.id, erasedInbound);
    else await tx.messages.saveOutbound({ ...m, content: erasedOutbound });
  for (const q of records.quotes) if (q.pdfMediaId !== null) await tx.quotes.save({ ...q, pdfMediaId: null });
  for (const a of records.appointments) if (a.note !== null) await tx.appointments.save({ ...a, note: null });
};

/** What the other repositories do not reach: inbox entries, pending file copies, files, consent records. */
const scopeOf = async (tx: Transaction, records: LeadRecords): Promise<ErasureScope> => {
  const { lead, conversations, messages, quotes } = records;
  const identities: WaIdentity[] = [identityOf(lead), ...conversations.map((c) => c.contact)];
  const lines = await tx.lines.list();
  const earlier = (await tx.personalData.requestsOf(lead.id)).filter((r) => r.kind === 'erasure');
  const files: MediaId[] = [
    // The lead's own files; an advisor's upload sent to them (a brochure) is the advisor's and stays.
    ...messages.flatMap((m) => (m.direction === 'inbound' ? mediaIdsOf(m) : [])),
    ...quotes.flatMap((q) => (q.pdfMediaId === null ? [] : [q.pdfMediaId])),
    ...(await tx.personalData.filesOwnedBy(
      lead.id,
      conversations.map((c) => c.id),
    )),
    ...earlier.flatMap((r) => r.mediaIds),
  ];
  return {
    leadId: lead.id,
    messageIds: messages.map((m) => m.id),
    waMessageIds: messages.flatMap((m) => (m.waMessageId === null ? [] : [m.waMessageId])),
    inboxKeys: [...new Set(lines.flatMap((l) => identities.flatMap((i) => messageKeysOf(l.phoneNumberId, i))))],
    mediaIds: [...new Set(files)],
  };
};
