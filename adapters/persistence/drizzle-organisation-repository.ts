import { asc, eq } from 'drizzle-orm';
import type { OrganisationRepository } from '../../application/ports/configuration.ts';
import { byNameThenId, type AdvisorGroup, type User } from '../../domain/organisation/organisation.ts';
import { asId, type AdvisorGroupId, type UserId } from '../../domain/shared/ids.ts';
import { workingHoursCodec } from './codecs/working-hours-codec.ts';
import type { Db } from './drizzle-db.ts';
import { first, replaceAllBut } from './rows.ts';
import { advisorGroupMembers, advisorGroups, users } from './schema.ts';

type UserRow = typeof users.$inferSelect;

export const toUser = (row: UserRow): User => ({
  id: asId<UserId>(row.id),
  name: row.name,
  email: row.email,
  role: row.role,
  active: row.active,
  ...(row.workingHours === null ? {} : { workingHours: workingHoursCodec.decode(row.workingHours) }),
});

export const toUserRow = (user: User): typeof users.$inferInsert => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  active: user.active,
  workingHours: user.workingHours === undefined ? null : workingHoursCodec.encode(user.workingHours),
});

export class DrizzleOrganisationRepository implements OrganisationRepository {
  constructor(private readonly db: Db) {}

  async user(id: UserId): Promise<User | null> {
    const row = first(await this.db.select().from(users).where(eq(users.id, id)));
    return row === null ? null : toUser(row);
  }

  async users(): Promise<User[]> {
    return (await this.db.select().from(users).orderBy(asc(users.seq))).map(toUser);
  }

  async saveUser(user: User): Promise<void> {
    await this.db
      .insert(users)
      .values(toUserRow(user))
      .onConflictDoUpdate({ target: users.id, set: replaceAllBut(users) });
  }

  async group(id: AdvisorGroupId): Promise<AdvisorGroup | null> {
    const group = first(await this.db.select().from(advisorGroups).where(eq(advisorGroups.id, id)));
    if (group === null) return null;
    const members = await this.db
      .select({ userId: advisorGroupMembers.userId })
      .from(advisorGroupMembers)
      .where(eq(advisorGroupMembers.groupId, id))
      .orderBy(asc(advisorGroupMembers.position));
    return {
      id: asId<AdvisorGroupId>(group.id),
      name: group.name,
      advisorIds: members.map((m) => asId<UserId>(m.userId)),
    };
  }

  /** Sorted here, not by the database collation, so every adapter orders names alike. */
  async groups(): Promise<AdvisorGroup[]> {
    const groups = await this.db.select().from(advisorGroups);
    const members = await this.db.select().from(advisorGroupMembers).orderBy(asc(advisorGroupMembers.position));
    return groups
      .map((g) => ({
        id: asId<AdvisorGroupId>(g.id),
        name: g.name,
        advisorIds: members.filter((m) => m.groupId === g.id).map((m) => asId<UserId>(m.userId)),
      }))
      .sort(byNameThenId);
  }

  /** Replaces the group and its ordered member list. */
  async saveGroup(group: AdvisorGroup): Promise<void> {
    await this.db
      .insert(advisorGroups)
      .values({ id: group.id, name: group.name })
      .onConflictDoUpdate({ target: advisorGroups.id, set: replaceAllBut(advisorGroups) });
    await this.db.delete(advisorGroupMembers).where(eq(advisorGroupMembers.groupId, group.id));
    if (group.advisorIds.length === 0) return;
    await this.db
      .insert(advisorGroupMembers)
      .values(group.advisorIds.map((userId, position) => ({ groupId: group.id, position, userId })));
  }
}
