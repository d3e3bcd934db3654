/** Enums shared by several table groups (kept apart so the table files need not import each other). */
import { pgEnum } from 'drizzle-orm/pg-core';

export const trustLevelEnum = pgEnum('trust_level', ['SIMPLIFIED', 'STANDARD', 'CONFIRMED']);

/** Where a check by an operator stands (documents, dependants, profile change requests). */
export const verificationStatusEnum = pgEnum('verification_status', ['UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED']);
