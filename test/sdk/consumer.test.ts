/**
 * The SDK as a package, from outside the repository: `npm pack ./src/sdk`, a fresh directory in
 * the system's temp dir installs the tarball (with Apollo Client 4, urql 6 and ws from the npm
 * registry), and test/sdk/consumer/consumer.mjs logs in, queries and subscribes with the SDK's
 * client, Apollo Client and urql against a running test server. Slow (npm install): run with
 * `npm run test:sdk`.
 */
import { execFile } from 'node:child_process';
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createStaff, PASSWORD } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { buildBranch } from '../factories/catalog.js';
import { CONSUMER_DEPENDENCIES, installPackedSdk } from './install.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('the packed SDK outside the repository', () => {
  const t = useTestApp();
  let dir = '';

  beforeAll(async () => {
    dir = (await installPackedSdk(CONSUMER_DEPENDENCIES)).dir;
    await copyFile(join(repo, 'test/sdk/consumer/consumer.mjs'), join(dir, 'consumer.mjs'));
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('logs in, queries and subscribes with the SDK client, Apollo Client 4 and urql 6', async () => {
    const admin = await createStaff(t, 'ADMIN');
    const branch = await buildBranch(admin.client);
    const citizen = await createAccount(t, 'CITIZEN');
    const { stdout } = await run('node', ['consumer.mjs'], { cwd: dir, timeout: 60_000, env: { ...process.env, API_URL: t.url, LOGIN: citizen.phone, PASSWORD, BRANCH_ID: branch.id } });
    const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, Record<string, unknown>>;
    const expected = { typename: 'AuthPayload', phone: citizen.phone, load: branch.id };
    expect(out.sdk).toEqual({ ...expected, persisted: true });
    expect(out.apollo).toEqual(expected);
    expect(out.urql).toMatchObject(expected);
  }, 90_000);
});
