/**
 * Public reads (catalog, branches, hours, search) come from a cache the API instances share in
 * Redis, with a copy in each instance's memory; an admin change made on one instance is seen by
 * the other at once, and personal data never goes through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { start, type Running } from '../../../src/main.js';
import { MfcClient } from '../../../src/sdk/client.js';
import { BranchesDocument, ServicesDocument, SetBranchServicesDocument, SetWorkingHoursDocument, UpdateBranchDocument, UpdateServiceDocument } from '../../../src/sdk/generated/graphql.js';
import { createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const a = useTestApp();
let b: Running;
let clientB: MfcClient;

beforeAll(async () => {
  b = await start(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: a.databaseUrl, REDIS_URL: a.config.REDIS_URL, REDIS_PREFIX: a.config.REDIS_PREFIX, MIGRATE_ON_START: 'false', ROLE: 'api' }),
  );
  clientB = new MfcClient({ url: b.api?.url ?? '' });
});
afterAll(async () => {
  await b.stop();
});

const branchInput = (name: string) => ({
  name,
  regionCode: '77',
  regionName: 'Москва',
  locality: 'Москва',
  address: 'ул. Тверская, д. 7',
  location: { lat: 55.7601, lon: 37.6111 },
  timezone: 'Europe/Moscow',
  windows: 6,
});

describe('the public cache across two instances', () => {
  it('an admin edit on instance A is visible on instance B at once, and B then answers from its cache', async () => {
    const admin = (await createStaff(a, 'ADMIN')).client;
    const category = await buildCategory(admin);
    const service = await buildService(admin, category.id, { title: 'Выдача кэшируемой справки' });
    const branch = await buildBranch(admin, { name: 'МФЦ Кэш Первый' }, [service.id]);
    const list = { filter: { regionCode: '77' }, first: 50 };

    // B reads and caches the page, the services, the hours.
    const seen = (await clientB.request(BranchesDocument, list)).branches.nodes.find((n) => n.id === branch.id);
    expect(seen?.name).toBe('МФЦ Кэш Первый');
    expect(seen?.services.map((s) => s.title)).toEqual(['Выдача кэшируемой справки']);
    const before = b.app.db.statements();
    await clientB.request(BranchesDocument, list);
    expect(b.app.db.statements() - before).toBe(0);

    // Renamed, re-timed and given another title on A: B sees each at once.
    await admin.request(UpdateBranchDocument, { id: branch.id, input: branchInput('МФЦ Кэш Переименованный') });
    await admin.request(SetWorkingHoursDocument, { branchId: branch.id, hours: [{ weekday: 1, opens: '10:00', closes: '12:00' }] });
    await admin.request(UpdateServiceDocument, { id: service.id, input: { code: service.code, title: 'Выдача обновлённой справки', description: 'Справка.', categoryId: category.id, kind: 'CERTIFICATE', processingDays: 1, availableOnline: false, requiresAppointment: true, minTrustLevel: 'SIMPLIFIED', appointmentMinutes: 15, requiredDocuments: [] } });
    const after = (await clientB.request(BranchesDocument, list)).branches.nodes.find((n) => n.id === branch.id);
    expect(after?.name).toBe('МФЦ Кэш Переименованный');
    expect(after?.workingHours).toEqual([{ weekday: 1, opens: '10:00', closes: '12:00', breakStart: null, breakEnd: null }]);
    expect(after?.services.map((s) => s.title)).toEqual(['Выдача обновлённой справки']);
    const found = await clientB.request(ServicesDocument, { filter: { search: 'обновлённой справки' } });
    expect(found.services.nodes.map((s) => s.id)).toContain(service.id);

    // A branch that stops offering the service drops it from B's answer at once.
    await admin.request(SetBranchServicesDocument, { branchId: branch.id, serviceIds: [] });
    const none = (await clientB.request(BranchesDocument, list)).branches.nodes.find((n) => n.id === branch.id);
    expect(none?.services).toEqual([]);
  });
});
