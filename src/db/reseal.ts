/**
 * Re-sealing of encrypted columns (`npm run cli -- rotate-data-key`): every value that is not
 * sealed with the current key (sealed with a previous key, or plain text written before
 * encryption) is opened and sealed again. Online: batches of `batchSize` rows, one short
 * transaction per batch, the batch's rows locked only while it runs. Repositories call this for
 * their own tables, naming the columns by the table's property names.
 */
import { eq, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FieldCipher } from '../shared/crypto/field-cipher.js';
import type { Database } from './client.js';

export interface ResealCount {
  table: string;
  resealed: number;
}

export interface ResealTarget {
  /** What the count is reported as. */
  name: string;
  table: PgTable;
  id: PgColumn;
  /** Text columns holding sealed values, keyed by the table's property names. */
  columns: Record<string, PgColumn>;
  /** Extra condition of the rows to look at (e.g. one row of a key-value table). */
  where?: SQL;
  cipher: FieldCipher;
  batchSize: number;
}

/** A condition true when the column holds a value not sealed with the cipher's current key. */
export function staleSeal(column: PgColumn | SQL, cipher: FieldCipher): SQL {
  return sql`(${column} IS NOT NULL AND NOT starts_with(${column}, ${`enc:v1:${cipher.keyId}:`}))`;
}

export async function resealColumns(db: Database, t: ResealTarget): Promise<ResealCount> {
  const names = Object.keys(t.columns);
  const stale = or(...names.map((n) => staleSeal(t.columns[n] as PgColumn, t.cipher)));
  const where = t.where ? sql`${t.where} AND ${stale}` : stale;
  let resealed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = (await tx
        .select({ id: t.id, ...t.columns })
        .from(t.table)
        .where(where)
        .limit(t.batchSize)
        .for('update')) as Array<Record<string, string | null>>;
      for (const row of rows) {
        const set: Record<string, string | null> = {};
        for (const n of names) {
          const v = row[n] ?? null;
          if (t.cipher.needsResealing(v)) set[n] = t.cipher.seal(t.cipher.open(v));
        }
        await tx.update(t.table).set(set).where(eq(t.id, row.id));
      }
      return rows.length;
    });
    resealed += done;
    if (done < t.batchSize) return { table: t.name, resealed };
  }
}
