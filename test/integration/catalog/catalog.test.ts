import { beforeAll, describe, expect, it } from 'vitest';
import {
  ArchiveServiceDocument,
  CreateServiceCategoryDocument,
  ServiceCategoriesDocument,
  ServiceDocument,
  ServicesDocument,
  UpdateServiceDocument,
  type ServiceFilter,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createStaff, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();
let admin: MfcClient;
let passports: { id: string };
let family: { id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  passports = await buildCategory(admin, { slug: 'passports', title: 'Паспорта и регистрация' });
  family = await buildCategory(admin, { slug: 'family', title: 'Семья и дети' });
  ids.passport = (await buildService(admin, passports.id, { code: 'passport-rf', title: 'Паспорт гражданина РФ', description: 'Выдача и замена паспорта гражданина Российской Федерации при достижении 14, 20 и 45 лет.', kind: 'DOCUMENT_ISSUE', feeAmount: '300.00', availableOnline: true })).id;
  ids.foreign = (await buildService(admin, passports.id, { code: 'foreign-passport', title: 'Заграничный паспорт нового образца', description: 'Оформление биометрического заграничного паспорта на 10 лет.', kind: 'DOCUMENT_ISSUE', feeAmount: '6000.00' })).id;
  ids.registration = (await buildService(admin, passports.id, { code: 'registration', title: 'Регистрация по месту жительства', description: 'Постановка на регистрационный учёт по месту жительства.', kind: 'REGISTRATION' })).id;
  ids.birth = (await buildService(admin, family.id, { code: 'birth', title: 'Регистрация рождения', description: 'Государственная регистрация рождения ребёнка и выдача свидетельства.', kind: 'REGISTRATION', availableOnline: true, appointmentMinutes: 30 })).id;
});

const titles = async (filter: ServiceFilter) =>
  (await t.client.request(ServicesDocument, { filter, first: 50 })).services.nodes.map((s) => s.title);

describe('catalog search', () => {
  it('finds words in other forms (Russian morphology): "паспорта" finds "Паспорт гражданина РФ"', async () => {
    expect(await titles({ search: 'паспорта' })).toEqual(expect.arrayContaining(['Паспорт гражданина РФ', 'Заграничный паспорт нового образца']));
    expect(await titles({ search: 'регистрации рождения' })).toEqual(['Регистрация рождения']);
  });

  it('ranks title matches first and follows the user while typing (prefix of the last word)', async () => {
    const found = await titles({ search: 'заграничн' });
    expect(found[0]).toBe('Заграничный паспорт нового образца');
    expect(await titles({ search: 'Па' })).toEqual(expect.arrayContaining(['Паспорт гражданина РФ']));
  });

  it('filters by category, kind, online availability and branch', async () => {
    expect((await titles({ categoryId: family.id })).sort()).toEqual(['Регистрация рождения']);
    expect((await titles({ kind: 'REGISTRATION' })).sort()).toEqual(['Регистрация по месту жительства', 'Регистрация рождения']);
    expect((await titles({ availableOnline: true })).sort()).toEqual(['Паспорт гражданина РФ', 'Регистрация рождения']);
    const branch = await buildBranch(admin, {}, [ids.foreign ?? '']);
    expect(await titles({ branchId: branch.id })).toEqual(['Заграничный паспорт нового образца']);
    expect(await titles({ search: 'паспорт', categoryId: family.id })).toEqual([]);
  });

  it('pages with cursors', async () => {
    const first = await t.client.request(ServicesDocument, { first: 2 });
    expect(first.services.nodes).toHaveLength(2);
    expect(first.services.pageInfo.hasNextPage).toBe(true);
    const rest = await t.client.request(ServicesDocument, { first: 50, after: first.services.pageInfo.endCursor });
    const all = [...first.services.nodes, ...rest.services.nodes].map((s) => s.id);
    expect(new Set(all).size).toBe(first.services.totalCount);
  });
});

describe('a service', () => {
  it('shows its category, documents, fee and the online price 30% less', async () => {
    const { service } = await t.client.request(ServiceDocument, { code: 'foreign-passport' });
    expect(service).toMatchObject({
      title: 'Заграничный паспорт нового образца',
      category: { slug: 'passports' },
      requiredDocuments: [{ kind: 'PASSPORT_RF', title: 'Паспорт гражданина РФ', optional: false }],
      fee: { amount: { amount: '6000.00', currency: 'RUB' }, onlineAmount: { amount: '4200.00', currency: 'RUB' } },
    });
    expect((await t.client.request(ServiceDocument, { id: ids.registration ?? '' })).service?.fee).toBeNull();
  });

  it('categories list their services', async () => {
    const { serviceCategories } = await t.client.request(ServiceCategoriesDocument);
    const p = serviceCategories.find((c) => c.slug === 'passports');
    expect(p?.services.totalCount).toBe(3);
  });
});

describe('administration', () => {
  it('only admins edit the catalog', async () => {
    const c = await registerCitizen(t);
    expect((await errorOf(c.client.request(CreateServiceCategoryDocument, { input: { slug: 'x', title: 'X' } }))).code).toBe('FORBIDDEN');
    expect((await errorOf(t.client.request(CreateServiceCategoryDocument, { input: { slug: 'x', title: 'X' } }))).code).toBe('UNAUTHENTICATED');
  });

  it('reports every bad field of a service at once', async () => {
    const err = await errorOf(buildService(admin, passports.id, { code: 'Плохой код', appointmentMinutes: 20, feeAmount: 'дорого', processingDays: -1, title: ' ' }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect((err.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['appointmentMinutes', 'code', 'feeAmount', 'processingDays', 'title']);
  });

  it('refuses a duplicate code and an unknown category', async () => {
    expect((await errorOf(buildService(admin, passports.id, { code: 'passport-rf' }))).code).toBe('CONFLICT');
    const unknown = await errorOf(buildService(admin, '00000000-0000-4000-8000-000000000000'));
    expect(unknown.extensions.fields).toEqual([expect.objectContaining({ field: 'categoryId' })]);
  });

  it('updates a service (the search follows) and archives it (it leaves the lists)', async () => {
    const svc = await buildService(admin, family.id, { title: 'Материнский капитал', description: 'Выдача сертификата на материнский капитал.' });
    expect(await titles({ search: 'капитала' })).toEqual(['Материнский капитал']);
    const input = { code: svc.code, title: 'Сертификат на материнский (семейный) капитал', description: 'Выдача сертификата.', categoryId: family.id, kind: 'CERTIFICATE' as const, requiredDocuments: [], processingDays: 5, availableOnline: true, requiresAppointment: false, minTrustLevel: 'STANDARD' as const, appointmentMinutes: 15 };
    const { updateService } = await admin.request(UpdateServiceDocument, { id: svc.id, input });
    expect(updateService).toMatchObject({ title: input.title, minTrustLevel: 'STANDARD' });
    expect(await titles({ search: 'семейного капитала' })).toEqual([input.title]);
    await admin.request(ArchiveServiceDocument, { id: svc.id });
    expect(await titles({ search: 'капитал' })).toEqual([]);
  });
});
