/** A change made through one API instance reaches subscribers connected to another, through Redis. */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.js';
import { start, type Running } from '../../../src/main.js';
import { MfcClient } from '../../../src/sdk/client.js';
import { BranchLoadChangedDocument, TakeTicketDocument } from '../../../src/sdk/generated/graphql.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';
import { openNow } from '../../helpers/queue.js';

const a = useTestApp();
let b: Running;
let clientB: MfcClient;

beforeAll(async () => {
  b = await start(
    loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: a.databaseUrl, REDIS_URL: a.config.REDIS_URL, REDIS_PREFIX: a.config.REDIS_PREFIX, MIGRATE_ON_START: 'false', ROLE: 'api' }),
  );
  clientB = new MfcClient({ url: b.api?.url ?? '', webSocketImpl: WebSocket });
});
afterAll(async () => {
  await b.stop();
});

describe('two API instances', () => {
  it('a dashboard on instance B sees a ticket taken on instance A within a second', async () => {
    const admin = (await createStaff(a, 'ADMIN')).client;
    const serviceId = (await buildService(admin, (await buildCategory(admin)).id)).id;
    const branch = await buildBranch(admin, openNow(), [serviceId]);
    const citizen = await createAccount(a, 'CITIZEN');

    const dashboard = await subscribe(clientB, BranchLoadChangedDocument, { branchIds: [branch.id] });
    await dashboard.next((e) => e.branchLoadChanged.waiting === 0);
    const started = Date.now();
    await citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    const event = await dashboard.next((e) => e.branchLoadChanged.waiting === 1, 1000);
    expect(event.branchLoadChanged.branchId).toBe(branch.id);
    expect(Date.now() - started).toBeLessThan(1000);
    await dashboard.dispose();
  });

  it('a dashboard of all branches gets each one\'s current load, then changes of any', async () => {
    const admin = (await createStaff(a, 'ADMIN')).client;
    const serviceId = (await buildService(admin, (await buildCategory(admin)).id)).id;
    const branch = await buildBranch(admin, openNow(), [serviceId]);
    const dashboard = await subscribe(clientB, BranchLoadChangedDocument, {});
    await dashboard.next((e) => e.branchLoadChanged.branchId === branch.id);
    const seen = dashboard.events.length;
    const citizen = await createAccount(a, 'CITIZEN');
    await citizen.client.request(TakeTicketDocument, { branchId: branch.id, serviceId });
    await dashboard.next((e) => e.branchLoadChanged.branchId === branch.id && e.branchLoadChanged.waiting === 1, 2000, seen);
    await dashboard.dispose();
  });
});
