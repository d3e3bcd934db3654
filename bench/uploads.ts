/**
 * Uploads (npm run bench:uploads): BENCH_UPLOADS (40) scans of 5 MB through POST /uploads,
 * BENCH_UPLOAD_CONCURRENCY (8) at a time, from one signed-in citizen in a client process of its
 * own (bench/upload-client.ts). Prints throughput and the peak growth of the server process's heap
 * and Buffers while they run, next to a baseline measured in the same run:
 * a bare node:http server that streams the same multipart bodies to a file while hashing them.
 * The server keeps at most a few chunks per upload in memory (it never buffers a file whole), so
 * its peak should sit near the baseline's, far below concurrency × 5 MB.
 */
import './production.js';
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { Transform } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { hashPassword } from '../src/shared/passwords.js';
import { DEMO_PASSWORD } from '../scripts/seed-demo.js';
import { startBenchApp } from './setup.js';

// Run with node --expose-gc so each round starts from a collected heap.
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 40);
const CONCURRENCY = Number(process.env.BENCH_UPLOAD_CONCURRENCY ?? 8);
const SIZE = 5 * 1024 * 1024;

const storage = await mkdtemp(join(tmpdir(), 'mfc-bench-files-'));
const bench = await startBenchApp({ STORAGE_DIR: storage, RATE_LIMIT_UPLOADS_PER_USER: '100000', UPLOAD_QUOTA_MB: '100000' });
const base = bench.api.replace(/\/graphql$/, '');

const phone = `+7976${String(Date.now() % 10_000_000).padStart(7, '0')}`;
await bench.running.app.services.accounts.seeding.insertAccount({ phone, passwordHash: await hashPassword(DEMO_PASSWORD), lastName: 'Нагрузочный', firstName: 'Файл' });
const login = (await (
  await fetch(bench.api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }', variables: { i: { login: phone, password: DEMO_PASSWORD } } }) })
).json()) as { data?: { login?: { accessToken?: string } } };
const token = login.data?.login?.accessToken;
if (!token) throw new Error('login failed');

const client = fileURLToPath(new URL('./upload-client.js', import.meta.url));

/** Runs the client process against `url` while sampling this (the server's) process's heap and Buffers. */
async function run(url: string, auth: string) {
  global.gc?.();
  // JS heap plus Buffers (external): what holding files in memory would grow; RSS never shrinks back.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const before = used();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, used() - before)), 5);
  const child = spawn(process.execPath, [client, url, auth, String(UPLOADS), String(CONCURRENCY)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`client exited ${code}`)))));
  clearInterval(sampler);
  const r = JSON.parse(out) as { seconds: number; statuses: number[] };
  return { seconds: r.seconds, mbPerSec: (UPLOADS * SIZE) / 1024 / 1024 / r.seconds, peakMb: peak / 1024 / 1024, ok: r.statuses.filter((x) => x === 201).length };
}

// Baseline: the least an upload endpoint can do — stream the body to a file while hashing it.
const baselineDir = await mkdtemp(join(tmpdir(), 'mfc-bench-baseline-'));
let seq = 0;
const plain = createServer((req, res) => {
  const hash = createHash('sha256');
  const tap = new Transform({ transform: (chunk: Buffer, _e, done) => (hash.update(chunk), done(null, chunk)) });
  pipeline(req, tap, createWriteStream(join(baselineDir, String(seq++)))).then(
    () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sha256: hash.digest('hex') })),
    () => res.writeHead(500).end(),
  );
});
await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;

// A warm-up round, then each run twice in turn; the better figures of each are kept.
await run(plainUrl, '');
const best = (a: Awaited<ReturnType<typeof run>>, b: Awaited<ReturnType<typeof run>>) => ({ ...a, mbPerSec: Math.max(a.mbPerSec, b.mbPerSec), seconds: Math.min(a.seconds, b.seconds), peakMb: Math.min(a.peakMb, b.peakMb) });
const rounds: Array<Awaited<ReturnType<typeof run>>> = [];
for (let i = 0; i < 2; i++) {
  rounds.push(await run(plainUrl, ''));
  rounds.push(await run(`${base}/uploads`, token));
}
const [b1, a1, b2, a2] = rounds as [typeof rounds[0], typeof rounds[0], typeof rounds[0], typeof rounds[0]];
const baseline = best(b1, b2);
const api = best(a1, a2);

console.log(`\n[bench] ${UPLOADS} uploads of ${SIZE / 1024 / 1024} MB, ${CONCURRENCY} at a time, Node ${process.version}\n`);
console.log('| run | accepted | seconds | MB/s | peak heap+buffers growth MB | MB/s vs baseline |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, r] of [['plain node:http stream to file', baseline], ['POST /uploads (auth, multipart, sniff, hash, store, row)', api]] as const) {
  console.log(`| ${name} | ${r.ok}/${UPLOADS} | ${r.seconds.toFixed(2)} | ${r.mbPerSec.toFixed(0)} | ${r.peakMb.toFixed(0)} | ${(r.mbPerSec / baseline.mbPerSec).toFixed(2)} |`);
}
console.log(`\nThe client runs in a process of its own; files held whole in memory would add about ${CONCURRENCY} × 5 = ${CONCURRENCY * 5} MB to the server.`);
await new Promise<void>((r) => plain.close(() => r()));
await bench.stop();
await Promise.all([rm(storage, { recursive: true, force: true }), rm(baselineDir, { recursive: true, force: true })]);
