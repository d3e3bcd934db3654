/**
 * A citizen's dependants: children under 18 (birth certificate) and wards (guardianship
 * decision). A dependant's documents are personal documents with `dependant_id` set (see
 * documents.ts). A child who turns 18, or a dependant the parent removes, leaves the account but
 * stays as history (`left_at`, `left_reason`): bookings and applications made for them keep it.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';
import { verificationStatusEnum } from './enums.js';

export const dependantRelationEnum = pgEnum('dependant_relation', ['CHILD', 'WARD']);

export const dependants = pgTable(
  'dependants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    relation: dependantRelationEnum('relation').notNull(),
    /** Sealed at rest (the system module's data cipher), like every SNILS. */
    snils: text('snils'),
    /** The operator's check of the birth certificate or guardianship decision. */
    verification: verificationStatusEnum('verification').notNull().default('UNVERIFIED'),
    rejectionReason: text('rejection_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    /** When the dependant left the account (history is kept): removed by the parent, or came of age. */
    leftAt: ts('left_at'),
    leftReason: text('left_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('dependants_parent_idx').on(t.parentId).where(sql`${t.leftAt} IS NULL`),
    index('dependants_children_birth_idx').on(t.birthDate).where(sql`${t.leftAt} IS NULL AND ${t.relation} = 'CHILD'`),
    check('dependants_left', sql`(${t.leftAt} IS NULL) = (${t.leftReason} IS NULL)`),
    check('dependants_left_reason', sql`${t.leftReason} IS NULL OR ${t.leftReason} IN ('REMOVED', 'CAME_OF_AGE')`),
  ],
);
