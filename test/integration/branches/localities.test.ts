/** A mistyped locality in branch search: the closest locality with branches is searched, and suggested (seed 003). */
import { beforeAll, describe, expect, it } from 'vitest';
import { BranchesInLocalityDocument, LocalitySuggestionsDocument } from '../../../src/sdk/generated/graphql.js';
import { createAccount } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { buildBranch } from '../../factories/catalog.js';

const t = useTestApp();
let ekb: string;

beforeAll(async () => {
  const admin = await createAccount(t, 'ADMIN');
  ekb = (await buildBranch(admin.client, { regionCode: '66', regionName: 'Свердловская область', locality: 'Екатеринбург' })).id;
  await buildBranch(admin.client, { regionCode: '54', regionName: 'Новосибирская область', locality: 'Новосибирск' });
});

describe('localities that forgive', () => {
  it('a branches search by a mistyped locality finds the closest locality\'s branches; an exact one is unchanged', async () => {
    const typo = (await t.client.request(BranchesInLocalityDocument, { locality: 'Екатеренбург' })).branches;
    expect(typo.nodes.map((b) => [b.id, b.locality])).toEqual([[ekb, 'Екатеринбург']]);
    expect((await t.client.request(BranchesInLocalityDocument, { locality: 'екатеринбург' })).branches.totalCount).toBe(1);
    expect((await t.client.request(BranchesInLocalityDocument, { locality: 'Владивосток' })).branches.totalCount).toBe(0);
  });

  it('suggests localities spelled like the text, within a region when given', async () => {
    const suggest = async (text: string, regionCode?: string) => (await t.client.request(LocalitySuggestionsDocument, { text, regionCode })).localitySuggestions;
    expect(await suggest('Екатеренбург')).toEqual(['Екатеринбург']);
    expect(await suggest('Новосибирк')).toEqual(['Новосибирск']);
    expect(await suggest('Екатеренбург', '54')).toEqual([]);
    expect(await suggest('  ')).toEqual([]);
  });
});
