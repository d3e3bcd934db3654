/** Operators working at a given branch, written straight to the database and logged in. */
import { createAccount } from './accounts.js';
import type { TestApp } from './app.js';

export async function operatorOf(t: TestApp, branchId: string, firstName = 'Ольга') {
  const { id, phone, client } = await createAccount(t, 'OPERATOR', { staffBranchId: branchId, firstName });
  return { id, phone, client };
}
