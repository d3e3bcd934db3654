/** Installs the packed SDK outside the repository, as an integrator would (test/sdk/*.test.ts). */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

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
