/**
 * The search that forgives, against the demo catalog: every synonym of the shipped dictionary
 * brings its service first, typos are corrected from the catalog's own words (pg_trgm), the
 * dictionary is a table admins edit without a deploy, suggestions answer "did you mean", and the
 * vocabulary follows catalog edits. Category edits: rename, delete only when empty.
 */
import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CreateServiceCategoryDocument,
  DeleteSearchSynonymDocument,
  DeleteServiceCategoryDocument,
  SearchCodesDocument,
  SearchSuggestionsDocument,
  SearchSynonymsDocument,
  SetSearchSynonymDocument,
  UpdateServiceCategoryDocument,
} from '../../../src/sdk/generated/graphql.js';
import { SEARCH_SYNONYMS } from '../../../src/modules/catalog/index.js';
import type { Viewer } from '../../../src/shared/auth/viewer.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { demoCategories, demoServices } from '../../../scripts/demo-data.js';
import { createAccount, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { buildService } from '../../factories/catalog.js';

const t = useTestApp();
let admin: { id: string; client: MfcClient };

beforeAll(async () => {
  admin = await createAccount(t, 'ADMIN');
  const { catalog } = t.running.app.services;
  const asAdmin: Viewer = { userId: admin.id, sessionId: 'test', roles: ['ADMIN'], tokenExpiresAt: new Date(8.64e15) };
  const ids = new Map<string, string>();
  for (const c of demoCategories) ids.set(c.slug, (await catalog.createCategory(asAdmin, c)).id);
  for (const { categorySlug, ...s } of demoServices) await catalog.createService(asAdmin, { ...s, categoryId: ids.get(categorySlug) ?? '' });
}, 60_000);

const codes = async (search: string) => (await t.client.request(SearchCodesDocument, { search, first: 5 })).services.nodes.map((n) => n.code);

describe('synonym dictionary', () => {
  it('the table holds the shipped dictionary', async () => {
    const { searchSynonyms } = await admin.client.request(SearchSynonymsDocument);
    expect(searchSynonyms.map((s) => [s.phrase, s.expansion]).sort()).toEqual(SEARCH_SYNONYMS.map((s) => [s.phrase, s.expansion]).sort());
  });

  for (const entry of SEARCH_SYNONYMS) {
    it(`"${entry.phrase}" finds ${entry.expect} first`, async () => {
      const found = await codes(entry.phrase);
      expect([entry.expect, ...(entry.orFirst ?? [])]).toContain(found[0]);
      expect(found.slice(0, 3)).toContain(entry.expect);
    });
  }

  it('"права собственности" still means property rights (the phrase is an alternative, not a replacement)', async () => {
    expect((await codes('права собственности'))[0]).toBe('property-rights');
  });

  it('admins add and remove a phrase, in effect at once; others may not', async () => {
    expect(await codes('птс')).toEqual([]);
    const citizen = await registerCitizen(t);
    expect((await errorOf(citizen.client.request(SetSearchSynonymDocument, { phrase: 'птс', expansion: 'регистрация транспортного средства' }))).code).toBe('FORBIDDEN');
    const bad = await errorOf(admin.client.request(SetSearchSynonymDocument, { phrase: ' !! ', expansion: 'x' }));
    expect([bad.code, (bad.extensions.fields as Array<{ field: string }>).map((f) => f.field)]).toEqual(['BAD_USER_INPUT', ['phrase']]);
    const { setSearchSynonym } = await admin.client.request(SetSearchSynonymDocument, { phrase: ' ПТС ', expansion: 'Регистрация транспортного средства' });
    expect(setSearchSynonym).toMatchObject({ phrase: 'птс', expansion: 'регистрация транспортного средства' });
    expect((await codes('птс'))[0]).toBe('vehicle-registration');
    expect(await admin.client.request(DeleteSearchSynonymDocument, { phrase: 'птс' })).toEqual({ deleteSearchSynonym: true });
    expect(await codes('птс')).toEqual([]);
    expect((await errorOf(admin.client.request(DeleteSearchSynonymDocument, { phrase: 'птс' }))).code).toBe('NOT_FOUND');
  });
});

describe('typo tolerance', () => {
  it.each([
    ['паспрт', 'passport-rf'],
    ['загранпаспрт', 'foreign-passport-5'],
    ['матерински капитал', 'maternity-capital'],
    ['замена водительсого удостоверения', 'driver-license-replace'],
    ['идентификационый номер налогоплательщика', 'inn-issue'],
    ['субсидя', 'housing-subsidy'],
  ])('"%s" finds %s first', async (query, code) => {
    expect((await codes(query))[0]).toBe(code);
  });

  it('suggests corrections and the dictionary\'s readings, never the input itself', async () => {
    const suggest = async (text: string) => (await t.client.request(SearchSuggestionsDocument, { text })).searchSuggestions;
    expect(await suggest('паспрт')).toContain('паспорт');
    expect(await suggest('загранпаспорт')).toContain('заграничный паспорт');
    expect(await suggest('загранпаспрт')).toEqual(expect.arrayContaining(['загранпаспорт', 'заграничный паспорт']));
    expect(await suggest('паспорт')).not.toContain('паспорт');
    expect(await suggest('   ')).toEqual([]);
  });

  it('the vocabulary follows catalog edits', async () => {
    const { id: categoryId } = (await admin.client.request(CreateServiceCategoryDocument, { input: { slug: `apost-${Date.now()}`, title: 'Легализация' } })).createServiceCategory;
    await buildService(admin.client, categoryId, { title: 'Проставление апостиля', description: 'Апостиль на документах ЗАГС.' });
    expect((await t.client.request(SearchCodesDocument, { search: 'апастиль' })).services.nodes.map((n) => n.title)).toEqual(['Проставление апостиля']);
  });
});

describe('category edits', () => {
  it('renames a category; deletes only an empty one (CONFLICT otherwise)', async () => {
    const { createServiceCategory: empty } = await admin.client.request(CreateServiceCategoryDocument, { input: { slug: `empty-${Date.now()}`, title: 'Пустая' } });
    const { createServiceCategory: full } = await admin.client.request(CreateServiceCategoryDocument, { input: { slug: `full-${Date.now()}`, title: 'Полная' } });
    await buildService(admin.client, full.id);
    const { updateServiceCategory } = await admin.client.request(UpdateServiceCategoryDocument, { id: empty.id, input: { slug: empty.slug, title: 'Переименованная' } });
    expect(updateServiceCategory.title).toBe('Переименованная');
    expect((await errorOf(admin.client.request(UpdateServiceCategoryDocument, { id: empty.id, input: { slug: full.slug, title: 'x' } }))).code).toBe('CONFLICT');

    const refused = await errorOf(admin.client.request(DeleteServiceCategoryDocument, { id: full.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(await admin.client.request(DeleteServiceCategoryDocument, { id: empty.id })).toEqual({ deleteServiceCategory: true });
    expect((await errorOf(admin.client.request(DeleteServiceCategoryDocument, { id: empty.id }))).code).toBe('NOT_FOUND');
    const citizen = await registerCitizen(t);
    expect((await errorOf(citizen.client.request(DeleteServiceCategoryDocument, { id: full.id }))).code).toBe('FORBIDDEN');
  });
});
