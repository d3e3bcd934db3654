/** Branch.servicesPage and Branch.serviceCount: a branch's services a page at a time, by title. */
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../../src/sdk/client.js';
import { createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const t = useTestApp();
const doc = <R>(q: string) => ({ toString: () => q }) as Doc<R, Record<string, unknown>>;

interface Page {
  branch: { serviceCount: number; servicesPage: { nodes: Array<{ title: string }>; totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
}
const PAGE = doc<Page>('query($id: ID!, $first: Int, $after: String) { branch(id: $id) { serviceCount servicesPage(first: $first, after: $after) { nodes { title } totalCount pageInfo { hasNextPage endCursor } } } }');

describe('a branch’s services a page at a time', () => {
  it('pages through the services by title, with their count, and without the archived ones', async () => {
    const admin = (await createStaff(t, 'ADMIN')).client;
    const category = await buildCategory(admin);
    const titles = ['Выдача справки В', 'Выдача справки А', 'Выдача справки Д', 'Выдача справки Б', 'Выдача справки Г'];
    const services = [];
    for (const title of titles) services.push(await buildService(admin, category.id, { title }));
    const branch = await buildBranch(admin, {}, services.map((s) => s.id));

    const first = await t.client.request(PAGE, { id: branch.id, first: 2 });
    expect(first.branch.serviceCount).toBe(5);
    expect(first.branch.servicesPage.totalCount).toBe(5);
    expect(first.branch.servicesPage.nodes.map((n) => n.title)).toEqual(['Выдача справки А', 'Выдача справки Б']);
    expect(first.branch.servicesPage.pageInfo.hasNextPage).toBe(true);
    const second = await t.client.request(PAGE, { id: branch.id, first: 2, after: first.branch.servicesPage.pageInfo.endCursor });
    expect(second.branch.servicesPage.nodes.map((n) => n.title)).toEqual(['Выдача справки В', 'Выдача справки Г']);
    const last = await t.client.request(PAGE, { id: branch.id, first: 2, after: second.branch.servicesPage.pageInfo.endCursor });
    expect(last.branch.servicesPage.nodes.map((n) => n.title)).toEqual(['Выдача справки Д']);
    expect(last.branch.servicesPage.pageInfo.hasNextPage).toBe(false);
  });
});
