/** The partitions a partitioned table has now (their names, the default one included), for the retention tests. */
import type { Sql } from 'postgres';

export async function partitionNames(sql: Sql, table: string): Promise<string[]> {
  const rows = await sql<Array<{ name: string }>>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = ${table}`;
  return rows.map((r) => r.name);
}
