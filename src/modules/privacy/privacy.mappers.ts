/** Data access log rows as the API answers them. */
import type { Page } from '../../shared/pagination.js';
import { Role } from '../accounts/index.js';
import type { DataAccessRow } from './privacy.repository.js';
import { DataAccessConnection, type DataAccessEntry } from './privacy.types.js';

export function toDataAccess(row: DataAccessRow): DataAccessEntry {
  return { id: row.id, at: row.at, staffRole: Role[row.staffRole], action: row.action, subject: row.subject, staffId: row.staffId, branchId: row.branchId };
}

export function toDataAccessConnection(page: Page<DataAccessRow>): DataAccessConnection {
  return Object.assign(new DataAccessConnection(), { nodes: page.nodes.map(toDataAccess), pageInfo: page.pageInfo, countTotal: page.totalCount });
}
