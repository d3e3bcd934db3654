/** Column helpers shared by the table definitions. */
import { timestamp } from 'drizzle-orm/pg-core';

/** A timestamptz read and written as a Date: every time is stored in UTC. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
