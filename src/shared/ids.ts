/** Ids are UUIDs: a string that is not one cannot name anything, so look-ups skip the database. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Orders batch results like the keys a DataLoader asked for (null where nothing was found). */
export function byKeys<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): Array<T | null> {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups batch results under the keys a DataLoader asked for (an empty list where nothing was found). */
export function groupByKeys<T, K>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
