/**
 * The record of staff access to citizens' personal data: who (and in which role and branch), when,
 * what they did and to what (a document kind, an application number, a file name; never a
 * personal value). The citizen reads it as `myDataAccessLog`.
 */
import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { roleEnum, users } from './accounts.js';
import { branches } from './branches.js';

export const dataAccessLog = pgTable(
  'data_access_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Staff accounts are deactivated, not deleted: the record outlives their work. */
    staffId: uuid('staff_id')
      .notNull()
      .references(() => users.id),
    staffRole: roleEnum('staff_role').notNull(),
    branchId: uuid('branch_id').references(() => branches.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('data_access_log_citizen_idx').on(t.citizenId, t.at, t.id)],
);
