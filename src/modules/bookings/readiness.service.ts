/**
 * Booking.readiness and the reminder's list of what is missing: the service's required documents
 * (catalog) against the documents on file (documents module) of the visit's document owner, on the
 * visit's local day at its branch. The rule itself is readiness.rules.ts.
 */
import type { Executor } from '../../db/client.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { localDay } from '../../shared/days.js';
import type { DocumentRow } from '../documents/index.js';
import type { BookingsDeps } from './bookings.deps.js';
import type { BookingRow } from './bookings.repository.js';
import { readinessOf, type Readiness } from './readiness.rules.js';

/** Whose documents count for the visit: the citizen's (the one place a dependant's id will be chosen). */
export const documentOwnerOf = (b: Pick<BookingRow, 'userId'>): string => b.userId;

export class ReadinessService {
  constructor(private readonly deps: Pick<BookingsDeps, 'catalog' | 'branches' | 'documents'>) {}

  /** As the viewer (the owner, or staff of the branch: their read of the documents is recorded) sees it. */
  async forViewer(viewer: Viewer, b: BookingRow): Promise<Readiness<DocumentRow>> {
    return this.check(b, await this.deps.documents.documentsOf(viewer, documentOwnerOf(b)));
  }

  /** For the reminder, inside its transaction. */
  async forReminder(tx: Executor, b: BookingRow): Promise<Readiness<DocumentRow>> {
    return this.check(b, await this.deps.documents.documentsOfUsers([documentOwnerOf(b)], tx), tx);
  }

  private async check(b: BookingRow, onFile: DocumentRow[], tx?: Executor): Promise<Readiness<DocumentRow>> {
    const [[service], [branch]] = await Promise.all([this.deps.catalog.servicesByIds([b.serviceId], tx), this.deps.branches.branchesByIds([b.branchId], tx)]);
    if (!service || !branch) return { ready: true, missing: [], invalid: [], problems: [] };
    const required = service.requiredDocuments.map((d) => ({ kind: d.kind ?? null, title: d.title, description: d.description ?? null, optional: d.optional }));
    return readinessOf(required, onFile, localDay(b.startsAt, branch.timezone));
  }
}
