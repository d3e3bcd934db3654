/** Operators working at a given branch, written straight to the database and logged in. */
import { insertUser } from '../../src/modules/accounts/accounts.repository.js';
import { hashPassword } from '../../src/shared/passwords.js';
import { loginAs, PASSWORD, uniquePhone } from './accounts.js';
import type { TestApp } from './app.js';

export async function operatorOf(t: TestApp, branchId: string, firstName = 'Ольга') {
  const phone = uniquePhone();
  const user = await insertUser(t.running.app.db.db, { phone, phoneVerified: true, passwordHash: await hashPassword(PASSWORD), lastName: 'Операторова', firstName, roles: ['OPERATOR'], staffBranchId: branchId, trustLevel: 'CONFIRMED' });
  const session = await loginAs(t, phone);
  return { id: user.id, phone, client: session.client };
}
