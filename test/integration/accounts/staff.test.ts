/**
 * Staff accounts over their whole life: admins list them (by branch and role, inactive ones on
 * request), change roles, branch and name (a change of roles ends the sessions), deactivate (no
 * login by any method, every session ends at once, open cases go back to the line) and reactivate;
 * every change is journalled.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddFeedbackFollowUpDocument,
  DeactivateStaffUserDocument,
  LeaveFeedbackDocument,
  LoginDocument,
  MeDocument,
  ReactivateStaffUserDocument,
  RefreshSessionDocument,
  StaffUsersDocument,
  UpdateStaffUserDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { PASSWORD, createAccount, loginAs, registerCitizen } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { errorOf } from '../../helpers/graphql.js';
import { operatorOf } from '../../helpers/staff.js';
import { buildBranch } from '../../factories/catalog.js';

const t = useTestApp();
let admin: { id: string; client: MfcClient };
beforeAll(async () => {
  admin = await createAccount(t, 'ADMIN');
});

const journal = async (userId: string, action: string) =>
  t.running.app.db.sql<Array<{ details: Record<string, unknown> }>>`select details from activity_entries where user_id = ${userId} and action = ${action} order by at`;

describe('staff accounts', () => {
  it('admins list staff by branch and role; inactive ones only on request; nobody else may', async () => {
    const branch = await buildBranch(admin.client);
    const a = await operatorOf(t, branch.id, 'Анна');
    const b = await operatorOf(t, branch.id, 'Борис');
    const list = async (includeInactive = false) =>
      (await admin.client.request(StaffUsersDocument, { branchId: branch.id, role: 'OPERATOR', includeInactive })).staffUsers;
    expect((await list()).nodes.map((u) => [u.id, u.active])).toEqual(expect.arrayContaining([[a.id, true], [b.id, true]]));
    expect((await list()).totalCount).toBe(2);
    await admin.client.request(DeactivateStaffUserDocument, { id: b.id });
    expect((await list()).nodes.map((u) => u.id)).toEqual([a.id]);
    expect((await list(true)).nodes.map((u) => [u.id, u.active]).sort()).toEqual([[a.id, true], [b.id, false]].sort());
    expect((await admin.client.request(StaffUsersDocument, { branchId: branch.id, role: 'ADMIN' })).staffUsers.totalCount).toBe(0);
    expect((await errorOf(a.client.request(StaffUsersDocument, {}))).code).toBe('FORBIDDEN');
  });

  it('changes name and branch; a change of roles ends the sessions; bad input and non-staff are refused; journalled', async () => {
    const [one, two] = [await buildBranch(admin.client), await buildBranch(admin.client)];
    const op = await operatorOf(t, one.id);
    const { updateStaffUser } = await admin.client.request(UpdateStaffUserDocument, { id: op.id, input: { lastName: ' Сидорова ', branchId: two.id } });
    expect(updateStaffUser).toMatchObject({ lastName: 'Сидорова', staffBranch: { id: two.id }, roles: ['OPERATOR'] });
    expect((await op.client.request(MeDocument)).me?.id).toBe(op.id);

    const bad = await errorOf(admin.client.request(UpdateStaffUserDocument, { id: op.id, input: { roles: ['CITIZEN'], firstName: ' ' } }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect((bad.extensions.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['input.roles', 'input.firstName']);
    const citizen = await registerCitizen(t);
    expect((await errorOf(admin.client.request(UpdateStaffUserDocument, { id: citizen.id, input: { lastName: 'X' } }))).code).toBe('NOT_FOUND');
    expect((await errorOf(op.client.request(UpdateStaffUserDocument, { id: op.id, input: { roles: ['ADMIN'] } }))).code).toBe('FORBIDDEN');

    await admin.client.request(UpdateStaffUserDocument, { id: op.id, input: { roles: ['OPERATOR', 'ADMIN'] } });
    expect((await errorOf(op.client.request(MeDocument))).extensions.reason).toBe('SESSION_REVOKED');
    expect((await (await loginAs(t, op.phone)).client.request(MeDocument)).me?.roles.sort()).toEqual(['ADMIN', 'OPERATOR']);
    const entries = await journal(op.id, 'STAFF_UPDATED');
    expect(entries.map((e) => e.details.by)).toEqual([admin.id, admin.id]);
    expect(entries[1]?.details.sessionsEnded).toBe(1);
  });

  it('a deactivated account loses every session at once, cannot log in or refresh, and its cases go back to the line', async () => {
    const branch = await buildBranch(admin.client);
    const op = await operatorOf(t, branch.id, 'Анна');
    const colleague = await operatorOf(t, branch.id, 'Мария');
    const second = await loginAs(t, op.phone);
    const citizen = await registerCitizen(t);
    const { leaveFeedback: c } = await citizen.client.request(LeaveFeedbackDocument, { input: { kind: 'COMPLAINT', text: 'Очередь не движется', branchId: branch.id } });
    await op.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'Уточните время' });

    const { deactivateStaffUser } = await admin.client.request(DeactivateStaffUserDocument, { id: op.id });
    expect(deactivateStaffUser.active).toBe(false);
    expect((await errorOf(op.client.request(MeDocument))).extensions.reason).toBe('SESSION_REVOKED');
    expect((await errorOf(second.client.request(MeDocument))).extensions.reason).toBe('SESSION_REVOKED');
    expect((await errorOf(t.client.request(RefreshSessionDocument, { refreshToken: second.refreshToken }))).code).toBe('UNAUTHENTICATED');
    const refused = await errorOf(t.client.request(LoginDocument, { input: { login: op.phone, password: PASSWORD } }));
    expect([refused.code, refused.extensions.reason]).toEqual(['UNAUTHENTICATED', 'ACCOUNT_DEACTIVATED']);
    const wrong = await errorOf(t.client.request(LoginDocument, { input: { login: op.phone, password: 'Неверный-пароль-1' } }));
    expect(wrong.extensions.reason).not.toBe('ACCOUNT_DEACTIVATED'); // nothing told without the password

    const [row] = await t.running.app.db.sql`select assigned_to from feedback where id = ${c.id}`;
    expect(row?.assigned_to).toBeNull();
    await citizen.client.request(AddFeedbackFollowUpDocument, { id: c.id, text: 'В 10 утра' });
    const told = await t.running.app.db.sql<Array<{ user_id: string }>>`select user_id from notifications where template = 'support.follow_up' and subject_id = ${c.id}`;
    expect(told.map((r) => r.user_id)).toEqual(expect.arrayContaining([colleague.id]));
    expect(told.map((r) => r.user_id)).not.toContain(op.id);
    const [entry] = await journal(op.id, 'STAFF_DEACTIVATED');
    expect(entry?.details).toMatchObject({ by: admin.id, sessionsEnded: 2, casesReleased: 1 });
  });

  it('deactivation happens once under concurrent requests; an admin cannot deactivate themself; reactivation lets the account in again', async () => {
    const op = await operatorOf(t, (await buildBranch(admin.client)).id);
    const results = await Promise.allSettled([1, 2, 3].map(() => admin.client.request(DeactivateStaffUserDocument, { id: op.id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const again = await errorOf(admin.client.request(DeactivateStaffUserDocument, { id: op.id }));
    expect([again.code, again.extensions.rule]).toEqual(['PRECONDITION_FAILED', 'ALREADY_INACTIVE']);
    expect(await journal(op.id, 'STAFF_DEACTIVATED')).toHaveLength(1);
    const self = await errorOf(admin.client.request(DeactivateStaffUserDocument, { id: admin.id }));
    expect(self.extensions.rule).toBe('SELF_DEACTIVATION');

    const { reactivateStaffUser } = await admin.client.request(ReactivateStaffUserDocument, { id: op.id });
    expect(reactivateStaffUser.active).toBe(true);
    expect((await (await loginAs(t, op.phone)).client.request(MeDocument)).me?.id).toBe(op.id);
    expect(await journal(op.id, 'STAFF_REACTIVATED')).toHaveLength(1);
    expect((await errorOf(admin.client.request(ReactivateStaffUserDocument, { id: op.id }))).extensions.rule).toBe('ALREADY_ACTIVE');
  });
});
