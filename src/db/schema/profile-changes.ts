/**
 * Changes of name, birth date or passport data go as a request with scans; an operator approves
 * (the change is applied) or rejects it with a reason. A proposed passport is a personal document
 * with standing PROPOSED until then. One open (PENDING) request per citizen, by a partial unique index.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';
import { personalDocuments } from './documents.js';
import { verificationStatusEnum } from './enums.js';

export const profileChangeRequests = pgTable(
  'profile_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastName: text('last_name'),
    firstName: text('first_name'),
    middleName: text('middle_name'),
    birthDate: date('birth_date', { mode: 'string' }),
    /** The proposed passport RF (a personal document with standing PROPOSED until approval). */
    passportDocumentId: uuid('passport_document_id').references(() => personalDocuments.id, { onDelete: 'set null' }),
    /** Scans that prove the change (uploads of the citizen). */
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    comment: text('comment'),
    status: verificationStatusEnum('status').notNull().default('PENDING'),
    reason: text('reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    // One open request per citizen: two at the same moment give one row and one CONFLICT.
    uniqueIndex('profile_change_requests_open_key').on(t.userId).where(sql`${t.status} = 'PENDING'`),
    index('profile_change_requests_user_idx').on(t.userId, t.createdAt),
    index('profile_change_requests_pending_idx').on(t.createdAt).where(sql`${t.status} = 'PENDING'`),
    check('profile_change_requests_status', sql`${t.status} IN ('PENDING', 'VERIFIED', 'REJECTED')`),
    check('profile_change_requests_reason', sql`${t.status} <> 'REJECTED' OR ${t.reason} IS NOT NULL`),
  ],
);
