import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
} from 'drizzle-orm/pg-core';
import { bytea, instant, storedJson } from './columns.ts';

export const userRole = pgEnum('user_role', ['advisor', 'manager', 'admin']);

export const businessLines = pgTable('business_lines', {
  id: text('id').primaryKey(),
  /** Stored order, for stable listings. */
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  phoneNumberId: text('phone_number_id').notNull().unique(),
  displayNumber: text('display_number').notNull(),
  name: text('name').notNull(),
  advisorGroupId: text('advisor_group_id').notNull(),
  /** The projects the line's bot offers, in configured order; empty means the whole catalogue. */
  projectIds: text('project_ids').array().notNull(),
  /** A lead who only quoted in the bot is assigned at once (true) or left for a manager (false). */
  assignQuotedLeads: boolean('assign_quoted_leads').notNull().default(true),
  /** How the bot addresses leads: 'tu' or 'usted'. */
  formality: text('formality', { enum: ['tu', 'usted'] })
    .notNull()
    .default('tu'),
  botQuotesForRegistered: boolean('bot_quotes_for_registered').notNull().default(false),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  name: text('name').notNull(),
  email: text('email'),
  role: userRole('role').notNull(),
  active: boolean('active').notNull(),
  /** `workingHoursCodec`: the user's own weekly schedule; null: the desk's. */
  workingHours: storedJson('working_hours'),
});

export const advisorGroups = pgTable('advisor_groups', {
  id: text('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  name: text('name').notNull(),
});

/** No foreign key to users: a group may name advisors before their accounts are loaded. */
export const advisorGroupMembers = pgTable(
  'advisor_group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => advisorGroups.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    userId: text('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.position] })],
);

/** CRM API keys: only a hash of the key is kept. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    hashedKey: text('hashed_key').notNull().unique(),
    label: text('label').notNull(),
    createdAt: instant('created_at').notNull(),
    revokedAt: instant('revoked_at'),
    /** Written at most once a minute per key, so authenticating stays a read. */
    lastUsedAt: instant('last_used_at'),
  },
  (t) => [index('api_keys_user_idx').on(t.userId)],
);

/** One row: the builder the proposals name, as an administrator last saved it. */
export const builderProfile = pgTable(
  'builder_profile',
  {
    id: smallint('id').primaryKey().default(1),
    /** `builderProfileCodec`: every field but the logo's bytes. */
    profile: storedJson('profile').notNull(),
    /** The logo's bytes (a PNG or JPEG of at most 256 KiB), when the profile has one. */
    logo: bytea('logo'),
  },
  (t) => [check('builder_profile_single_row', sql`${t.id} = 1`)],
);
