/** Operators working at a given branch, written straight to the database and logged in. */
import { OpenChatDocument } from '../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../src/sdk/client.js';
import { buildBranch } from '../factories/catalog.js';
import { createAccount } from './accounts.js';
import type { TestApp } from './app.js';

export async function operatorOf(t: TestApp, branchId: string, firstName = 'Ольга') {
  const { id, phone, client, accessToken } = await createAccount(t, 'OPERATOR', { staffBranchId: branchId, firstName });
  return { id, phone, client, accessToken };
}

const admins = new WeakMap<TestApp, Promise<{ client: MfcClient }>>();

/** A fresh branch built by an administrator of this test app. */
export async function freshBranch(t: TestApp) {
  let admin = admins.get(t);
  if (!admin) {
    admin = createAccount(t, 'ADMIN');
    admins.set(t, admin);
  }
  return buildBranch((await admin).client);
}

/** The citizen opens a chat at the branch: open business there, which lets its operators see the citizen. */
export async function openChatAt(citizen: MfcClient, branchId: string): Promise<string> {
  const { openChat } = await citizen.request(OpenChatDocument, { subject: 'Вопрос о документах', branchId });
  return openChat.id;
}

/**
 * An operator whose work involves the citizen (per DOMAIN.md an operator sees a citizen's data only
 * then): a fresh branch, its operator, and a chat the citizen opened there.
 */
export async function operatorServing(t: TestApp, citizen: MfcClient, firstName = 'Ольга') {
  const branch = await freshBranch(t);
  const operator = await operatorOf(t, branch.id, firstName);
  await openChatAt(citizen, branch.id);
  return { ...operator, branchId: branch.id };
}
