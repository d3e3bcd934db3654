import { PUBLIC_READS, publicCacheOf } from '../../../src/shared/public-cache.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddScheduleExceptionDocument,
  BranchDocument,
  BranchesDocument,
  CreateStaffUserDocument,
  RegionsDocument,
  ServiceDocument,
  SetWorkingHoursDocument,
  type BranchFilter,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { PASSWORD, createAccount, createStaff, loginAs, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

// API only: the outbox relay's polling would share the pool whose statements the last test counts.
const t = useTestApp({ ROLE: 'api' });
let admin: MfcClient;
let moscow: { id: string };
let novosibirsk: { id: string };
let serviceId: string;

// Tuesday 24 November 2026. Moscow is UTC+3, Novosibirsk UTC+7.
const at = (utc: string) => t.clock.set(new Date(`2026-11-24T${utc}:00Z`));

beforeAll(async () => {
  admin = (await createStaff(t, 'ADMIN')).client;
  const category = await buildCategory(admin);
  serviceId = (await buildService(admin, category.id, { title: 'Выписка из ЕГРН' })).id;
  moscow = await buildBranch(admin, { name: 'МФЦ Тверской', address: 'ул. Тверская, д. 7', location: { lat: 55.7601, lon: 37.6111 } }, [serviceId]);
  await buildBranch(admin, { name: 'МФЦ Хамовники', address: 'ул. Льва Толстого, д. 17', location: { lat: 55.7339, lon: 37.5874 } });
  await buildBranch(admin, { name: 'МФЦ Зеленоград', locality: 'Зеленоград', address: 'Центральный пр., д. 1', location: { lat: 55.9825, lon: 37.1814 } });
  novosibirsk = await buildBranch(
    admin,
    { name: 'МФЦ Новосибирск, Центральный', regionCode: '54', regionName: 'Новосибирская область', locality: 'Новосибирск', address: 'ул. Ленина, д. 12', location: { lat: 55.0302, lon: 82.9204 }, timezone: 'Asia/Novosibirsk' },
    [serviceId],
  );
});

const names = async (filter: BranchFilter, orderBy: 'NAME' | 'DISTANCE' = 'NAME') =>
  (await t.client.request(BranchesDocument, { filter, orderBy, first: 50 })).branches.nodes.map((b) => b.name);

describe('regions and branches', () => {
  it('lists regions with their localities', async () => {
    const { regions } = await t.client.request(RegionsDocument);
    expect(regions).toEqual(
      expect.arrayContaining([
        { code: '77', name: 'Москва', localities: ['Зеленоград', 'Москва'] },
        { code: '54', name: 'Новосибирская область', localities: ['Новосибирск'] },
      ]),
    );
  });

  it('filters by region, locality, service and words of the address', async () => {
    expect(await names({ regionCode: '54' })).toEqual(['МФЦ Новосибирск, Центральный']);
    expect(await names({ regionCode: '77', locality: 'москва' })).toEqual(['МФЦ Тверской', 'МФЦ Хамовники']);
    expect(await names({ serviceId })).toEqual(['МФЦ Новосибирск, Центральный', 'МФЦ Тверской']);
    expect(await names({ search: 'Толстого' })).toEqual(['МФЦ Хамовники']);
    const { branch } = await t.client.request(BranchDocument, { id: moscow.id });
    expect(branch?.region).toEqual({ code: '77', name: 'Москва', localities: ['Зеленоград', 'Москва'] });
    const { service } = await t.client.request(ServiceDocument, { id: serviceId });
    expect(service?.branches.totalCount).toBe(2);
  });

  it('gets the default hours: Mon-Fri 09-18, Sat 10-15, Sunday off', async () => {
    const { branch } = await t.client.request(BranchDocument, { id: moscow.id });
    expect(branch?.workingHours).toEqual([
      ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00', breakStart: null, breakEnd: null })),
      { weekday: 6, opens: '10:00', closes: '15:00', breakStart: null, breakEnd: null },
    ]);
  });
});

describe('near a point', () => {
  it('orders by distance in km and filters by radius', async () => {
    const kremlin = { lat: 55.752, lon: 37.6175 };
    const { branches } = await t.client.request(BranchesDocument, { filter: { near: kremlin, regionCode: '77' }, orderBy: 'DISTANCE', first: 10 });
    expect(branches.nodes.map((b) => b.name)).toEqual(['МФЦ Тверской', 'МФЦ Хамовники', 'МФЦ Зеленоград']);
    const [first] = branches.nodes;
    expect(first?.distanceKm).toBeGreaterThan(0.8);
    expect(first?.distanceKm).toBeLessThan(1.2);
    expect(await names({ near: kremlin, radiusKm: 5 }, 'DISTANCE')).toEqual(['МФЦ Тверской', 'МФЦ Хамовники']);
  });

  it('needs a point to order by distance', async () => {
    const err = await errorOf(t.client.request(BranchesDocument, { orderBy: 'DISTANCE' }));
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'orderBy' })]);
  });
});

describe('open now, in each branch\'s own time zone', () => {
  const openNow = async (id: string) => (await t.client.request(BranchDocument, { id })).branch?.openNow;

  it('answers by local time across time zones', async () => {
    try {
      at('04:00'); // Moscow 07:00 (closed), Novosibirsk 11:00 (open)
      expect([await openNow(moscow.id), await openNow(novosibirsk.id)]).toEqual([false, true]);
      expect(await names({ openNow: true })).toEqual(['МФЦ Новосибирск, Центральный']);
      at('12:30'); // Moscow 15:30 (open), Novosibirsk 19:30 (closed)
      expect([await openNow(moscow.id), await openNow(novosibirsk.id)]).toEqual([true, false]);
      t.clock.set(new Date('2026-11-24T23:30:00Z')); // Novosibirsk: Wednesday 06:30, closed; Moscow 02:30
      expect(await names({ openNow: true })).toEqual([]);
      t.clock.set(new Date('2026-11-29T08:00:00Z')); // Sunday
      expect(await names({ openNow: true })).toEqual([]);
    } finally {
      t.clock.reset();
    }
  });

  it('a holiday closes the branch that day and a lunch break for its hour', async () => {
    await admin.request(AddScheduleExceptionDocument, { branchId: novosibirsk.id, input: { date: '2026-11-25', closed: true, note: 'Санитарный день' } });
    await admin.request(SetWorkingHoursDocument, {
      branchId: moscow.id,
      hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00', breakStart: '13:00', breakEnd: '14:00' })),
    });
    try {
      t.clock.set(new Date('2026-11-25T05:00:00Z')); // Wednesday, Novosibirsk 12:00 but closed for the day
      expect(await openNow(novosibirsk.id)).toBe(false);
      t.clock.set(new Date('2026-11-26T05:00:00Z')); // Thursday, open again
      expect(await openNow(novosibirsk.id)).toBe(true);
      t.clock.set(new Date('2026-11-25T10:30:00Z')); // Moscow 13:30, lunch
      expect(await openNow(moscow.id)).toBe(false);
      t.clock.set(new Date('2026-11-25T11:10:00Z')); // Moscow 14:10
      expect(await openNow(moscow.id)).toBe(true);
      t.clock.set(new Date('2026-11-20T12:00:00Z'));
      const { branch } = await t.client.request(BranchDocument, { id: novosibirsk.id, from: '2026-11-01', to: '2026-11-30' });
      expect(branch?.exceptions).toEqual([{ date: '2026-11-25', closed: true, opens: null, closes: null, note: 'Санитарный день' }]);
    } finally {
      t.clock.reset();
    }
  });
});

describe('administration', () => {
  it('checks the time zone and the hours', async () => {
    const err = await errorOf(buildBranch(admin, { timezone: 'Mars/Olympus', windows: 0 }));
    expect((err.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['input.timezone', 'input.windows']);
    const hours = await errorOf(admin.request(SetWorkingHoursDocument, { branchId: moscow.id, hours: [{ weekday: 8, opens: '18:00', closes: '09:00' }] }));
    expect((hours.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['hours.0.closes', 'hours.0.weekday']);
  });

  it('citizens cannot edit branches', async () => {
    const c = await createAccount(t, 'CITIZEN');
    expect((await errorOf(c.client.request(SetWorkingHoursDocument, { branchId: moscow.id, hours: [] }))).code).toBe('FORBIDDEN');
  });

  it('an operator belongs to a branch', async () => {
    const phone = uniquePhone();
    const { createStaffUser } = await admin.request(CreateStaffUserDocument, {
      input: { phone, password: PASSWORD, lastName: 'Оператор', firstName: 'Первый', role: 'OPERATOR', branchId: moscow.id },
    });
    expect(createStaffUser.staffBranch?.name).toBe('МФЦ Тверской');
    expect((await loginAs(t, phone)).user.staffBranch?.id).toBe(moscow.id);
    const unknown = await errorOf(admin.request(CreateStaffUserDocument, { input: { phone: uniquePhone(), password: PASSWORD, lastName: 'О', firstName: 'В', role: 'OPERATOR', branchId: '00000000-0000-4000-8000-000000000009' } }));
    expect(unknown.extensions.fields).toEqual([expect.objectContaining({ field: 'branchId' })]);
  });
});

describe('cost of a list', () => {
  it('listing branches with region, hours, services and opening costs the same number of queries for 4 as for 40', async () => {
    for (let i = 0; i < 36; i++) await buildBranch(admin, { name: `МФЦ Тестовый ${String(i).padStart(2, '0')}` }, [serviceId]);
    const cache = publicCacheOf(t.running.app.db.db);
    const statements = async (first: number, opts: { cold: boolean } = { cold: true }) => {
      // Cold: as after an admin change, nothing public cached yet.
      if (opts.cold) await cache?.invalidate(PUBLIC_READS);
      const before = t.running.app.db.statements();
      const { branches } = await t.client.request(BranchesDocument, { first });
      expect(branches.nodes).toHaveLength(first);
      return t.running.app.db.statements() - before;
    };
    await statements(4);
    const few = await statements(4);
    const many = await statements(40);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(6);
  });

  it('a repeated list reads the branches, hours and services from the shared cache: only live figures cost SQL', async () => {
    const cache = publicCacheOf(t.running.app.db.db);
    expect(cache).toBeDefined();
    await t.client.request(BranchesDocument, { first: 10 });
    const before = t.running.app.db.statements();
    const { branches } = await t.client.request(BranchesDocument, { first: 10 });
    expect(branches.nodes.length).toBeGreaterThan(0);
    expect(t.running.app.db.statements() - before).toBeLessThanOrEqual(1);
  });
});
