/**
 * Demo data for the dev command and `cli seed-demo`, idempotent (what exists is kept, nothing is
 * duplicated): an administrator, a citizen with SNILS and INN (so every login kind can be tried),
 * the demo catalog, three regions with thirty branches, their holidays, and one operator per
 * branch. Every account has DEMO_PASSWORD.
 */
import type { App } from '../src/app.js';
import type { Viewer } from '../src/shared/auth/viewer.js';
import { AppError } from '../src/shared/errors.js';
import { demoBranches, demoCategories, demoHolidays, demoRegions, demoServices } from './demo-data.js';

export const DEMO_PASSWORD = 'Demo-Пароль-2026';
export const DEMO_ADMIN_PHONE = '+79990000001';
export const DEMO_CITIZEN_PHONE = '+79990000003';
/** Operator of the n-th demo branch (1-based): +7 999 100-00-nn. */
export const demoOperatorPhone = (n: number) => `+7999100${String(n).padStart(4, '0')}`;

const META = { ip: null, userAgent: 'seed-demo' };

async function ensureStaff(app: App, input: Parameters<App['services']['accounts']['profile']['createStaff']>[0]): Promise<{ id: string; created: boolean }> {
  try {
    return { id: (await app.services.accounts.profile.createStaff(input, META, null)).id, created: true };
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    const existing = await app.services.accounts.seeding.userIdByPhone(input.phone);
    if (!existing) throw err;
    return { id: existing, created: false };
  }
}

export async function seedDemo(app: App): Promise<string[]> {
  const out: string[] = [];
  const { catalog, branches } = app.services;
  const admin = await ensureStaff(app, { role: 'ADMIN', phone: DEMO_ADMIN_PHONE, email: 'admin@mfc.local', password: DEMO_PASSWORD, lastName: 'Администраторова', firstName: 'Анна' });
  out.push(`admin:     ${DEMO_ADMIN_PHONE} / ${DEMO_PASSWORD}${admin.created ? '' : ' (exists)'}`);
  const asAdmin: Viewer = { userId: admin.id, sessionId: 'seed-demo', roles: ['ADMIN'], tokenExpiresAt: new Date(8.64e15) };

  if (await app.services.accounts.seeding.userIdByPhone(DEMO_CITIZEN_PHONE)) {
    out.push(`citizen:   ${DEMO_CITIZEN_PHONE} (exists)`);
  } else {
    await app.services.accounts.seeding.createCitizen({
      phone: DEMO_CITIZEN_PHONE,
      email: 'ivanov@mfc.local',
      password: DEMO_PASSWORD,
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: 'Иванович',
      birthDate: '1985-04-12',
      snils: '11223344595',
      inn: '500100732259',
      registrationAddress: 'г. Москва, ул. Тверская, д. 1, кв. 1',
    });
    out.push(`citizen:   ${DEMO_CITIZEN_PHONE} or ivanov@mfc.local or СНИЛС 112-233-445 95 or ИНН 500100732259 / ${DEMO_PASSWORD} (trust level SIMPLIFIED: add a passport and SNILS document for STANDARD)`);
  }

  // Catalog: categories by slug, services by code.
  const categoryIds = new Map((await catalog.categories()).map((c) => [c.slug, c.id]));
  for (const c of demoCategories) {
    if (!categoryIds.has(c.slug)) categoryIds.set(c.slug, (await catalog.createCategory(asAdmin, c)).id);
  }
  const serviceIds: string[] = [];
  let newServices = 0;
  for (const s of demoServices) {
    const existing = await catalog.service({ code: s.code });
    if (existing) {
      serviceIds.push(existing.id);
      continue;
    }
    const { categorySlug, ...rest } = s;
    serviceIds.push((await catalog.createService(asAdmin, { ...rest, categoryId: categoryIds.get(categorySlug) ?? '' })).id);
    newServices += 1;
  }
  out.push(`catalog:   ${demoCategories.length} categories, ${demoServices.length} services (${newServices} new)`);

  // Branches by name; hours, holidays and services set when a branch is created.
  let newBranches = 0;
  for (const [i, b] of demoBranches.entries()) {
    const found = await branches.branches({ search: b.address, regionCode: b.regionCode }, 'NAME', 5, null);
    let branchId = found.nodes.find((r) => r.name === b.name)?.id;
    if (!branchId) {
      const region = demoRegions.find((r) => r.code === b.regionCode);
      const branch = await branches.createBranch(asAdmin, {
        name: b.name,
        regionCode: b.regionCode,
        regionName: region?.name ?? null,
        locality: b.locality,
        address: b.address,
        location: { lat: b.lat, lon: b.lon },
        timezone: b.timezone,
        phone: b.phone,
        windows: b.windows,
        workingHours: b.hours ?? null,
      });
      branchId = branch.id;
      for (const h of demoHolidays) await branches.addScheduleException(asAdmin, branchId, h);
      await branches.setBranchServices(asAdmin, branchId, serviceIds);
      newBranches += 1;
    }
    await ensureStaff(app, { role: 'OPERATOR', phone: demoOperatorPhone(i + 1), password: DEMO_PASSWORD, lastName: 'Операторова', firstName: `Окно-${i + 1}`, branchId });
  }
  out.push(`branches:  ${demoBranches.length} in ${demoRegions.length} regions (${newBranches} new)`);
  out.push(`operators: one per branch, password ${DEMO_PASSWORD}:`);
  demoBranches.forEach((b, i) => out.push(`  ${demoOperatorPhone(i + 1)}  ${b.name}, ${b.locality}, ${b.address}`));
  return out;
}
