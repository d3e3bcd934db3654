/**
 * The SDK as a package, from outside the repository: `npm pack ./src/sdk`, a fresh directory in
 * the system's temp dir installs the tarball (with Apollo Client 4, urql 6 and ws from the npm
 * registry), and test/sdk/consumer/consumer.mjs logs in, queries and subscribes with the SDK's
 * client, Apollo Client and urql against a running test server. Slow (npm install): run with
 * `npm run test:sdk`.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createStaff, PASSWORD } from '../helpers/accounts.js';
import { useTestApp } from '../helpers/app.js';
import { buildBranch } from '../factories/catalog.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../..', import.meta.url));
/** The clients an integrator would install next to the SDK (versions the README names). */
export const CONSUMER_DEPENDENCIES = { graphql: '16.15.0', ws: '8.23.0', 'graphql-ws': '6.4.2', '@apollo/client': '4.3.8', rxjs: '7.8.2', '@urql/core': '6.0.3' };

/** Packs src/sdk (built by `npm run build`) and installs the tarball with the given extra dependencies into a new temp dir. */
export async function installPackedSdk(extra: Record<string, string>): Promise<{ dir: string; tarball: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mfc-sdk-consumer-'));
  await run('npm', ['pack', join(repo, 'src/sdk'), '--pack-destination', dir], { cwd: dir });
  const tarball = (await readdir(dir)).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'sdk-consumer', private: true, type: 'module', dependencies: { '@mfc/account-sdk': `file:./${tarball}`, ...extra } }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], { cwd: dir, timeout: 240_000 });
  return { dir, tarball };
}

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
