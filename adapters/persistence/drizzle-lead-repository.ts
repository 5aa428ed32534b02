import { asc, count, eq, inArray, max, or, sql, type SQL } from 'drizzle-orm';
import { type ConsentRecord, type LeadRepository, MAX_CONSENTS } from '../../application/ports/lead-repository.ts';
import type { AdvisorLoad } from '../../domain/assignment/assignment.ts';
import type { Email } from '../../domain/contact/email.ts';
import type { PhoneE164 } from '../../domain/contact/phone.ts';
import type { Lead, WaIdentity } from '../../domain/lead/lead.ts';
import { asId, type AdvisorGroupId, type LeadId, type LineId, type UserId } from '../../domain/shared/ids.ts';
import { leadOriginCodec } from './codecs/origin-codec.ts';
import type { Db } from './drizzle-db.ts';
import { conflictOnUnique } from './pg-errors.ts';
import { first, replaceAllBut, toDate, toDateOrNull, toInstant, toInstantOrNull } from './rows.ts';
import { consents, leads } from './schema.ts';

type LeadRow = typeof leads.$inferSelect;

export const toLead = (row: LeadRow): Lead => ({
  id: asId<LeadId>(row.id),
  lineId: asId<LineId>(row.lineId),
  name: row.name,
  phone: row.phone as PhoneE164 | null,
  waUserId: row.waUserId,
  email: row.email as Email | null,
  consent:
    row.consentAt === null || row.consentPolicyVersion === null
      ? null
      : {
          at: toInstant(row.consentAt),
          policyVersion: row.consentPolicyVersion,
          policyTextHash: row.consentTextHash,
          messageId: row.consentMessageId,
        },
  advisorId: row.advisorId === null ? null : asId<UserId>(row.advisorId),
  assignedAt: toInstantOrNull(row.assignedAt),
  source: row.source,
  origin: row.origin === null ? null : leadOriginCodec.decode(row.origin),
  createdAt: toInstant(row.createdAt),
});

export const toLeadRow = (lead: Lead): typeof leads.$inferInsert => ({
  id: lead.id,
  lineId: lead.lineId,
  name: lead.name,
  phone: lead.phone,
  waUserId: lead.waUserId,
  email: lead.email,
  consentAt: toDateOrNull(lead.consent?.at ?? null),
  consentPolicyVersion: lead.consent?.policyVersion ?? null,
  consentTextHash: lead.consent?.policyTextHash ?? null,
  consentMessageId: lead.consent?.messageId ?? null,
  advisorId: lead.advisorId,
  assignedAt: toDateOrNull(lead.assignedAt),
  source: lead.source,
  origin: lead.origin === null ? null : leadOriginCodec.encode(lead.origin),
  createdAt: toDate(lead.createdAt),
});

/** A user-id match ranks before a phone match, as the port asks. */
const identityMatch = (identity: WaIdentity): { where: SQL | undefined; order: SQL[] } => {
  const byUser = identity.userId === null ? undefined : eq(leads.waUserId, identity.userId);
  const byPhone = identity.phone === null ? undefined : eq(leads.phone, identity.phone);
  const order = byUser === undefined ? [asc(leads.seq)] : [sql`case when ${byUser} then 0 else 1 end`, asc(leads.seq)];
  return { where: or(byUser, byPhone), order };
};

export class DrizzleLeadRepository implements LeadRepository {
  constructor(private readonly db: Db) {}

  async byId(id: LeadId): Promise<Lead | null> {
    const row = first(await this.db.select().from(leads).where(eq(leads.id, id)));
    return row === null ? null : toLead(row);
  }

  async byIdentity(identity: WaIdentity): Promise<Lead | null> {
    const { where, order } = identityMatch(identity);
    if (where === undefined) return null;
    const row = first(
      await this.db
        .select()
        .from(leads)
        .where(where)
        .orderBy(...order)
        .limit(1),
    );
    return row === null ? null : toLead(row);
  }

  async save(lead: Lead): Promise<void> {
    await conflictOnUnique(
      'lead',
      (constraint) => (constraint === 'leads_wa_user_id_unique' ? 'user id' : 'phone'),
      () =>
        this.db
          .insert(leads)
          .values(toLeadRow(lead))
          .onConflictDoUpdate({ target: leads.id, set: replaceAllBut(leads) }),
    );
    if (lead.consent === null) return;
    // The history keeps every consent given; saving the same one again records nothing.
    await this.db
      .insert(consents)
      .values({
        leadId: lead.id,
        email: lead.email,
        at: toDate(lead.consent.at),
        policyVersion: lead.consent.policyVersion,
        policyTextHash: lead.consent.policyTextHash,
        messageId: lead.consent.messageId,
      })
      .onConflictDoNothing();
  }

  async consentsOf(leadId: LeadId): Promise<ConsentRecord[]> {
    const rows = await this.db
      .select()
      .from(consents)
      .where(eq(consents.leadId, leadId))
      .orderBy(asc(consents.at), asc(consents.id))
      .limit(MAX_CONSENTS);
    return rows.map((r) => ({
      at: toInstant(r.at),
      policyVersion: r.policyVersion,
      policyTextHash: r.policyTextHash,
      messageId: r.messageId,
      email: r.email as Email | null,
      evidenceOnlySince: toInstantOrNull(r.evidenceOnlySince),
    }));
  }

  /** A transaction-scoped advisory lock: released by the commit or rollback, never leaked by a crash. */
  async lockAssignments(groupId: AdvisorGroupId): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`assign:${groupId}`}))::text`);
  }

  async list(): Promise<Lead[]> {
    return (await this.db.select().from(leads).orderBy(asc(leads.createdAt), asc(leads.seq))).map(toLead);
  }

  async loadsOf(advisorIds: readonly UserId[]): Promise<AdvisorLoad[]> {
    if (advisorIds.length === 0) return [];
    const rows = await this.db
      .select({ advisorId: leads.advisorId, assigned: count(), lastAssignedAt: max(leads.assignedAt) })
      .from(leads)
      .where(inArray(leads.advisorId, [...advisorIds]))
      .groupBy(leads.advisorId);
    const byAdvisor = new Map(rows.map((r) => [r.advisorId, r]));
    return advisorIds.map((advisorId) => {
      const row = byAdvisor.get(advisorId);
      return {
        advisorId,
        assignedLeads: row?.assigned ?? 0,
        lastAssignedAt: toInstantOrNull(row?.lastAssignedAt ?? null),
      };
    });
  }
}
