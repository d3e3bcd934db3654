/**
 * Fault-test tools: the application as real child processes (like production: `node dist/src/main.js`,
 * built by test/faults/build.ts), a TCP proxy in front of PostgreSQL that can be dropped and restored, a Redis of
 * our own that can be restarted empty, and small HTTP helpers. Each fault test prints one line:
 * `fault=<name> failed=<n> lost=<n> duplicated=<n> recovery_s=<x>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer, connect, type Server as NetServer, type Socket, type AddressInfo } from 'node:net';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function report(fields: { fault: string; failed: number; lost: number; duplicated: number; recovery_s: number } & Record<string, string | number>): string {
  const { fault, failed, lost, duplicated, recovery_s, ...extra } = fields;
  const line = [`fault=${fault}`, `failed=${failed}`, `lost=${lost}`, `duplicated=${duplicated}`, `recovery_s=${recovery_s.toFixed(1)}`, ...Object.entries(extra).map(([k, v]) => `${k}=${v}`)].join(' ');
  console.log(line);
  return line;
}

export async function freePort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface Child {
  proc: ChildProcess;
  output: string[];
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | string>;
  alive(): boolean;
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/** Starts `dist/src/main.js` with the given environment (ROLE, URLs…) in a child process. */
export function startChild(name: string, env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const onData = (b: Buffer) => {
    for (const line of b.toString('utf8').split('\n')) if (line.trim()) output.push(line);
    if (process.env.FAULTS_VERBOSE) process.stderr.write(b.toString('utf8').replace(/^/gm, `[${name}] `));
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  let code: number | string | null = null;
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (c, s) => resolve((code = c ?? s ?? 'unknown'))));
  return {
    proc,
    output,
    exited,
    alive: () => code === null,
    async waitForLog(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = output.find((l) => pattern.test(l));
        if (hit) return hit;
        if (code !== null) throw new Error(`${name} exited (${code}) before logging ${pattern}:\n${output.slice(-30).join('\n')}`);
        if (Date.now() > deadline) throw new Error(`${name}: no ${pattern} within ${timeoutMs} ms:\n${output.slice(-30).join('\n')}`);
        await sleep(50);
      }
    },
  };
}

/** Stops a child politely, then for good. */
export async function stopChild(c: Child | null | undefined): Promise<void> {
  if (!c || !c.alive()) return;
  c.proc.kill('SIGTERM');
  const t = setTimeout(() => c.proc.kill('SIGKILL'), 15_000);
  await c.exited;
  clearTimeout(t);
}

/** A TCP proxy (to PostgreSQL) that can be dropped — every connection destroyed, listener closed — and restored. */
export async function startTcpProxy(target: { host: string; port: number }) {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: NetServer | null = null;
  const listen = async () => {
    server = createNetServer((client) => {
      const upstream = connect(target.port, target.host);
      sockets.add(client);
      sockets.add(upstream);
      const done = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', done).on('close', done);
      upstream.on('error', done).on('close', done);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((r) => server?.listen(port, '127.0.0.1', r));
  };
  await listen();
  return {
    port,
    connections: () => sockets.size,
    async drop() {
      const s = server;
      server = null;
      for (const sock of sockets) sock.destroy();
      sockets.clear();
      if (s) await new Promise<void>((r) => s.close(() => r()));
    },
    restore: listen,
    close() {
      return this.drop();
    },
  };
}

/** A redis-server of our own, without persistence: a restart loses everything. */
export async function startRedis(extraArgs: string[] = []) {
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const up = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = connect(port, '127.0.0.1');
        s.once('connect', () => {
          s.destroy();
          resolve(true);
        });
        s.once('error', () => resolve(false));
      });
      if (ok) return;
      await sleep(50);
    }
    throw new Error('redis-server did not start');
  };
  const down = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL'); // a crash: nothing saved
    await exited;
  };
  await up();
  return { port, url: `redis://127.0.0.1:${port}`, restart: async () => (await down(), await up()), stop: down };
}

export interface HttpResult {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  ms: number;
}

/** One HTTP request; rejects with the socket error (ECONNRESET, ECONNREFUSED…) if there is one. */
export function httpRequest(url: string, opts: { method?: string; body?: unknown; agent?: Agent; timeoutMs?: number } = {}): Promise<HttpResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      url,
      {
        method: opts.method ?? (payload ? 'POST' : 'GET'),
        agent: opts.agent,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
        timeout: opts.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers, ms: Date.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })));
    // Whether the request went out on a kept-alive socket (a reset there may hit a request the
    // server read) or on a fresh connection (a reset there: the listener closed with it unaccepted).
    req.on('error', (err: Error) => reject(Object.assign(err, { reusedSocket: req.reusedSocket })));
    req.end(payload);
  });
}

let phoneSeq = 0;
/** A phone no other run uses. */
export function testPhone(): string {
  phoneSeq += 1;
  return `+79${String(Math.floor(Math.random() * 90) + 10)}${String(process.pid % 1000).padStart(3, '0')}${String(phoneSeq % 10000).padStart(4, '0')}`;
}

const REGISTER = 'mutation R($input: RegisterInput!) { register(input: $input) { id } }';

/** register(): one user, one SMS with a code (through the outbox, the worker and the SMS gateway). */
export function registerBody(phone: string) {
  return {
    query: REGISTER,
    variables: { input: { phone, email: null, password: 'Верный-Пароль-42', lastName: 'Петрова', firstName: 'Мария', middleName: 'Сергеевна', acceptTerms: true } },
  };
}

/** The environment every child shares: the test's database, Redis, SMS gateway. */
export function baseEnv(opts: { databaseUrl: string; redisUrl: string; redisPrefix: string; smsUrl: string; smsToken: string; storageDir: string }): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: opts.redisPrefix,
    MIGRATE_ON_START: 'false',
    SMS_GATEWAY_URL: opts.smsUrl,
    SMS_GATEWAY_TOKEN: opts.smsToken,
    STORAGE_DIR: opts.storageDir,
    OUTBOX_POLL_MS: '200',
    DELIVERY_BACKOFF_MS: '200',
    RATE_LIMIT_CODES_PER_IP: '1000000',
    RATE_LIMIT_LOGINS_PER_IP: '1000000',
    SHUTDOWN_READINESS_DELAY_MS: '0',
  };
}

/** The URL the API child logged (`API listening` with its port). */
export async function apiUrlOf(child: Child): Promise<string> {
  const line = await child.waitForLog(/API listening/);
  const port = (JSON.parse(line) as { port: number }).port;
  return `http://127.0.0.1:${port}`;
}
