import { describe, expect, it } from 'vitest';
import {
  ConfirmIdentityDocument,
  CreateStaffUserDocument,
  MeDocument,
  MyActivityDocument,
  NodeByIdDocument,
  UpdateProfileDocument,
} from '../../../src/sdk/generated/graphql.js';
import { PASSWORD, createStaff, loginAs, registerCitizen, uniquePhone } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { operatorServing } from '../../helpers/staff.js';
import { buildBranch } from '../../factories/catalog.js';
import { errorOf } from '../../helpers/graphql.js';

const t = useTestApp();


describe('profile', () => {
  it('fills in the profile with checked SNILS and INN', async () => {
    const c = await registerCitizen(t);
    const { updateProfile } = await c.client.request(UpdateProfileDocument, {
      input: { birthDate: '1990-05-17', snils: '11223344595', inn: '500100732259', registrationAddress: '  г. Казань,  ул. Баумана, 1 ' },
    });
    expect(updateProfile).toMatchObject({ birthDate: '1990-05-17', snils: '112-233-445 95', inn: '500100732259', registrationAddress: 'г. Казань, ул. Баумана, 1' });
    // The plain SNILS is never the indexed column: look-ups go through the keyed hash.
    const [row] = await t.running.app.db.sql`select snils_hash from users where id = ${c.id}`;
    expect(row?.snils_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports each bad field', async () => {
    const c = await registerCitizen(t);
    const err = await errorOf(c.client.request(UpdateProfileDocument, { input: { snils: '112-233-445 96', inn: '500100732250', birthDate: '2999-01-01' } }));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect((err.extensions.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual(['birthDate', 'inn', 'snils']);
  });

  it('answers CONFLICT when the SNILS belongs to another account', async () => {
    const a = await registerCitizen(t);
    const b = await registerCitizen(t);
    await a.client.request(UpdateProfileDocument, { input: { snils: '08765430300' } });
    const err = await errorOf(b.client.request(UpdateProfileDocument, { input: { snils: '087-654-303 00' } }));
    expect(err.code).toBe('CONFLICT');
    expect(err.extensions.fields).toEqual([expect.objectContaining({ field: 'snils' })]);
  });

  it('the journal pages newest first', async () => {
    const c = await registerCitizen(t);
    for (let i = 0; i < 3; i++) await loginAs(t, c.phone);
    const first = await c.client.request(MyActivityDocument, { first: 2 });
    expect(first.myActivity.nodes).toHaveLength(2);
    expect(first.myActivity.pageInfo.hasNextPage).toBe(true);
    expect(first.myActivity.totalCount).toBeGreaterThanOrEqual(5);
    const second = await c.client.request(MyActivityDocument, { first: 50, after: first.myActivity.pageInfo.endCursor });
    const ids = [...first.myActivity.nodes, ...second.myActivity.nodes].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(first.myActivity.totalCount);
  });

  it('me is null without a token, and protected fields answer UNAUTHENTICATED', async () => {
    expect((await t.client.request(MeDocument)).me).toBeNull();
    expect((await errorOf(t.client.request(MyActivityDocument, { first: 1 }))).code).toBe('UNAUTHENTICATED');
  });
});

describe('staff', () => {
  it('admins create staff users; citizens cannot', async () => {
    const admin = await createStaff(t, 'ADMIN');
    const c = await registerCitizen(t);
    const branch = await buildBranch(admin.client);
    const input = { phone: uniquePhone(), password: PASSWORD, lastName: 'Сидорова', firstName: 'Ольга', role: 'OPERATOR' as const, branchId: branch.id };
    expect((await errorOf(c.client.request(CreateStaffUserDocument, { input }))).code).toBe('FORBIDDEN');
    const missingBranch = await errorOf(admin.client.request(CreateStaffUserDocument, { input: { ...input, branchId: null } }));
    expect(missingBranch.extensions.fields).toEqual([expect.objectContaining({ field: 'branchId' })]);
    const { createStaffUser } = await admin.client.request(CreateStaffUserDocument, { input });
    expect(createStaffUser.roles).toEqual(['OPERATOR']);
    expect((await loginAs(t, input.phone)).user.roles).toEqual(['OPERATOR']);
  });

  it('operators confirm identities of citizens with business at their branch; citizens cannot', async () => {
    const c = await registerCitizen(t);
    const operator = await operatorServing(t, c.client);
    expect((await errorOf(c.client.request(ConfirmIdentityDocument, { userId: c.id }))).code).toBe('FORBIDDEN');
    const { confirmIdentity } = await operator.client.request(ConfirmIdentityDocument, { userId: c.id });
    expect(confirmIdentity.trustLevel).toBe('CONFIRMED');
    expect((await c.client.request(MeDocument)).me?.trustLevel).toBe('CONFIRMED');
  });

  it('node(id) shows a citizen to themselves and to staff serving them, not to other citizens or other operators', async () => {
    const a = await registerCitizen(t);
    const b = await registerCitizen(t);
    const operator = await operatorServing(t, a.client);
    const stranger = await createStaff(t, 'OPERATOR');
    expect((await a.client.request(NodeByIdDocument, { id: a.id })).node).toMatchObject({ __typename: 'User', id: a.id });
    expect((await operator.client.request(NodeByIdDocument, { id: a.id })).node?.id).toBe(a.id);
    expect((await stranger.client.request(NodeByIdDocument, { id: a.id })).node).toBeNull();
    expect((await b.client.request(NodeByIdDocument, { id: a.id })).node).toBeNull();
  });
});
