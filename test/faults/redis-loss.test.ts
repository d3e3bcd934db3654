/**
 * Fault 12: a Redis without persistence restarts empty under a running worker. The repeatable
 * schedules exist again within seconds (re-created on reconnect), a delayed job not yet due is
 * back with its delay, and a message held by quiet hours whose job was lost is delivered. The
 * worker warns at start that the maxmemory-policy is not noeviction.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.js';
import { startSmsGateway } from '../helpers/sms-gateway.js';
import { baseEnv, report, sleep, startChild, startRedis, stopChild, testPhone, type Child } from './harness.js';

const TOKEN = 'fault-sms-token';
const PREFIX = `f${process.pid}r:`;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
let redis: Awaited<ReturnType<typeof startRedis>>;
let storageDir: string;
let worker: Child | null = null;
const queues: Queue[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  sms = await startSmsGateway({ token: TOKEN });
  redis = await startRedis(['--maxmemory-policy', 'allkeys-lru']);
  storageDir = await mkdtemp(join(tmpdir(), 'mfc-fault-'));
});

afterAll(async () => {
  await stopChild(worker);
  await Promise.allSettled(queues.map((q) => q.close()));
  await redis.stop();
  await sms.close();
  await db.drop();
  await rm(storageDir, { recursive: true, force: true });
});

it('re-creates schedules and lost delayed work after Redis restarts empty', async () => {
  const env = {
    ...baseEnv({ databaseUrl: db.url, redisUrl: redis.url, redisPrefix: PREFIX, smsUrl: sms.url, smsToken: TOKEN, storageDir }),
    // Long timers: what brings things back here is the reconnect, not a periodic pass.
    SCHEDULES_ENSURE_SECONDS: '600',
    RECOVERY_SWEEP_SECONDS: '600',
  };
  worker = startChild('worker', { ...env, ROLE: 'worker' });
  await worker.waitForLog(/workers started/);
  await worker.waitForLog(/maxmemory-policy is not noeviction/);

  const connection = { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null };
  const maintenance = new Queue('maintenance', { connection, prefix: `${PREFIX}bull` });
  const notifications = new Queue('notifications', { connection, prefix: `${PREFIX}bull` });
  queues.push(maintenance, notifications);
  maintenance.on('error', () => undefined);
  notifications.on('error', () => undefined);
  const schedulersBefore = await maintenance.getJobSchedulersCount();
  expect(schedulersBefore).toBeGreaterThanOrEqual(6);

  // Work the database knows and Redis is about to lose: a delayed job due in an hour, and a
  // message held by quiet hours whose time has come (its outbox row relayed long ago).
  const sql = postgres(db.url, { max: 1, onnotice: () => undefined });
  const futureJobId = `delivery-${randomUUID()}`;
  const phone = testPhone();
  const heldId = randomUUID();
  try {
    await sql`insert into outbox (job, payload, job_id, delay_ms, relayed_at, meta) values ('notifications.deliver', ${sql.json({ deliveryId: futureJobId.slice(9) })}, ${futureJobId}, 3600000, now(), ${sql.json({ requestId: 'req-before-the-loss' })})`;
    const [n] = await sql<{ id: string; created_at: Date }[]>`insert into notifications (category, template, title, body) values ('BOOKING', 'fault.test', 'Тест', 'Тест') returning id, created_at`;
    await sql`insert into deliveries (id, notification_id, notification_created_at, channel, destination, content, status, scheduled_for, created_at)
              values (${heldId}, ${n?.id ?? ''}, ${n?.created_at ?? new Date()}, 'SMS', ${phone}, ${sql.json({ text: 'Сообщение после тихих часов' })}, 'QUEUED', now() - interval '5 minutes', now() - interval '10 minutes')`;
    await sql`insert into outbox (job, payload, job_id, delay_ms, created_at, relayed_at) values ('notifications.deliver', ${sql.json({ deliveryId: heldId })}, ${`delivery-${heldId}`}, 300000, now() - interval '10 minutes', now() - interval '10 minutes')`;
  } finally {
    await sql.end();
  }

  await redis.restart();
  const restartedAt = Date.now();
  let schedulersAfter = 0;
  let futureBack = false;
  let futureMeta: string | undefined;
  let schedulesS = Infinity;
  let delayedS = Infinity;
  let heldS = Infinity;
  while (Date.now() - restartedAt < 20_000 && (schedulesS === Infinity || delayedS === Infinity || heldS === Infinity)) {
    const t = (Date.now() - restartedAt) / 1000;
    schedulersAfter = await maintenance.getJobSchedulersCount().catch(() => 0);
    if (schedulesS === Infinity && schedulersAfter >= schedulersBefore) schedulesS = t;
    const job = await notifications.getJob(futureJobId).catch(() => undefined);
    futureBack = Boolean(job && (await job.getState()) === 'delayed');
    futureMeta = job?.opts.telemetry?.metadata;
    if (delayedS === Infinity && futureBack) delayedS = t;
    if (heldS === Infinity && sms.messages.some((m) => m.to === phone)) heldS = t;
    await sleep(100);
  }
  const lost = Math.max(0, schedulersBefore - schedulersAfter) + (futureBack ? 0 : 1) + (heldS === Infinity ? 1 : 0);
  report({
    fault: 'redis-loss',
    failed: 0,
    lost,
    duplicated: 0,
    recovery_s: Math.max(schedulesS, delayedS, heldS),
    schedulers: `${schedulersAfter}/${schedulersBefore}`,
    schedules_s: schedulesS.toFixed(1),
    delayed_job_s: delayedS.toFixed(1),
    held_message_s: heldS.toFixed(1),
    worker_alive: worker.alive() ? 1 : 0,
  });
  expect(worker.alive()).toBe(true);
  expect(schedulersAfter).toBe(schedulersBefore);
  expect(futureBack).toBe(true);
  // Back with the request that wrote it, as the relay had enqueued it (its logs keep the request id).
  expect(JSON.parse(futureMeta ?? '{}')).toEqual({ requestId: 'req-before-the-loss' });
  expect(heldS).toBeLessThan(10);
  expect(schedulesS).toBeLessThan(5);
});
