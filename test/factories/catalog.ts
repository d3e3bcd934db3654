/** Catalog and branch factories: built through the admin API, as an administrator would. */
import { randomBytes } from 'node:crypto';
import {
  CreateBranchDocument,
  CreateServiceCategoryDocument,
  CreateServiceDocument,
  SetBranchServicesDocument,
  type BranchInput,
  type ServiceInput,
} from '../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../src/sdk/client.js';

const suffix = () => randomBytes(3).toString('hex');

/** Working hours open every day of the week, 08:00–20:00 (bookable on any test day). */
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' }));

export async function buildCategory(admin: MfcClient, overrides: { slug?: string; title?: string } = {}) {
  const { createServiceCategory } = await admin.request(CreateServiceCategoryDocument, {
    input: { slug: overrides.slug ?? `cat-${suffix()}`, title: overrides.title ?? 'Паспорта, регистрация, визы' },
  });
  return createServiceCategory;
}

export async function buildService(admin: MfcClient, categoryId: string, overrides: Partial<ServiceInput> = {}) {
  const { createService } = await admin.request(CreateServiceDocument, {
    input: {
      code: `svc-${suffix()}`,
      title: 'Выдача справки',
      description: 'Справка выдаётся в отделении МФЦ.',
      categoryId,
      kind: 'CERTIFICATE',
      requiredDocuments: [{ kind: 'PASSPORT_RF', title: 'Паспорт гражданина РФ', optional: false }],
      processingDays: 5,
      feeAmount: null,
      availableOnline: false,
      requiresAppointment: true,
      minTrustLevel: 'SIMPLIFIED',
      appointmentMinutes: 15,
      ...overrides,
    },
  });
  return createService;
}

export async function buildBranch(admin: MfcClient, overrides: Partial<BranchInput> = {}, serviceIds: string[] = []) {
  const { createBranch } = await admin.request(CreateBranchDocument, {
    input: {
      name: `МФЦ ${suffix()}`,
      regionCode: '77',
      regionName: 'Москва',
      locality: 'Москва',
      address: 'ул. Тверская, д. 7',
      location: { lat: 55.7601, lon: 37.6111 },
      timezone: 'Europe/Moscow',
      phone: '+7 (495) 777-77-77',
      windows: 6,
      ...overrides,
    },
  });
  if (serviceIds.length > 0) await admin.request(SetBranchServicesDocument, { branchId: createBranch.id, serviceIds });
  return createBranch;
}
