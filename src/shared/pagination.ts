/**
 * Cursor connections: { nodes, pageInfo, totalCount }. Cursors are opaque base64url of a keyset
 * position (time + id), so pages stay stable while new rows arrive. totalCount is computed only
 * when the client asks for it.
 */
import { badField } from './errors.js';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

export interface KeysetCursor {
  at: Date;
  id: string;
}

export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(raw: string, field = 'after'): KeysetCursor {
  const [at, id] = Buffer.from(raw, 'base64url').toString().split('|');
  const date = at ? new Date(at) : null;
  if (!date || Number.isNaN(date.getTime()) || !id || !/^[0-9a-f-]{36}$/i.test(id)) throw badField(field, 'Неверный курсор страницы');
  return { at: date, id };
}

/** A page of a list ordered by a computed value (rank, distance, load): the cursor is an offset. */
export interface OffsetPage<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export function encodeOffset(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeOffset(raw: string, field = 'after'): number {
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!m?.[1]) throw badField(field, 'Неверный курсор страницы');
  return Number(m[1]);
}

export function offsetPage<T>(rows: T[], total: number, offset: number): OffsetPage<T> {
  const end = offset + rows.length;
  return { nodes: rows, totalCount: total, pageInfo: { hasNextPage: end < total, endCursor: rows.length > 0 ? encodeOffset(end) : null } };
}
