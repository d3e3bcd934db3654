/** Catalog rows to GraphQL objects. */
import { TrustLevel } from '../accounts/index.js';
import type { CategoryRow, ServiceRow } from './catalog.repository.js';
import { DocumentKind, ServiceKind, type Fee, type Service, type ServiceCategory } from './catalog.types.js';

/**
 * Rows served from the public cache are the same objects request after request (a branch list maps
 * hundreds of them), so each row's GraphQL object is made once and kept while the row lives.
 * Service objects are never mutated after mapping.
 */
const mapped = new WeakMap<ServiceRow, Service>();

export function toService(row: ServiceRow): Service {
  let service = mapped.get(row);
  if (!service) mapped.set(row, (service = mapService(row)));
  return service;
}

function mapService(row: ServiceRow): Service {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    categoryId: row.categoryId,
    kind: ServiceKind[row.kind],
    requiredDocuments: row.requiredDocuments.map((d) => ({ kind: d.kind ? DocumentKind[d.kind] : null, title: d.title, description: d.description, optional: d.optional })),
    processingDays: row.processingDays,
    feeAmount: row.feeAmount,
    availableOnline: row.availableOnline,
    requiresAppointment: row.requiresAppointment,
    minTrustLevel: TrustLevel[row.minTrustLevel],
    appointmentMinutes: row.appointmentMinutes,
    applicationForm: row.applicationForm,
    archived: row.archivedAt !== null,
  };
}

export function toCategory(row: CategoryRow): ServiceCategory {
  return { id: row.id, slug: row.slug, title: row.title };
}

const rub = (amount: string) => ({ amount, currency: 'RUB' });

/** A fee and its online price (catalog.rules.ts feeOf) as money in roubles; null for a free service. */
export function toFee(fee: { amount: string; onlineAmount: string } | null): Fee | null {
  return fee ? { amount: rub(fee.amount), onlineAmount: rub(fee.onlineAmount) } : null;
}
