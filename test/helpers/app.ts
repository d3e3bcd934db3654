/**
 * The test harness: one running application (API + workers, ROLE=all) per test file, on its own
 * database (cloned from the migrated template) and its own Redis key prefix, with local servers
 * standing in for the SMS gateway and SMTP, and a clock the test can move forward.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config/env.js';
import { start, type Running } from '../../src/main.js';
import { OffsetClock } from '../../src/shared/clock.js';
import type { Logger } from '../../src/shared/logger.js';
import WebSocket from 'ws';
import { MfcClient } from '../../src/sdk/client.js';
import { createTestDatabase, testRedisPrefix } from './database.js';
import { startMailCapture } from './mail-capture.js';
import { startSmsGateway } from './sms-gateway.js';

export const SMS_TOKEN = 'test-sms-token';

export interface TestApp {
  url: string;
  config: Config;
  running: Running;
  clock: OffsetClock;
  sms: Awaited<ReturnType<typeof startSmsGateway>>;
  mail: Awaited<ReturnType<typeof startMailCapture>>;
  databaseUrl: string;
  /** Where this app keeps uploaded files (a temporary directory of its own). */
  storageDir: string;
  /** An anonymous client; `client.withToken(t)` for a signed-in one. */
  client: MfcClient;
  stop(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}, opts: { log?: Logger } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const sms = await startSmsGateway({ token: SMS_TOKEN });
  const mail = await startMailCapture();
  const storageDir = await mkdtemp(join(tmpdir(), 'mfc-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: testRedisPrefix(),
    MIGRATE_ON_START: 'false',
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_TOKEN: SMS_TOKEN,
    SMTP_URL: mail.url,
    STORAGE_DIR: storageDir,
    OUTBOX_POLL_MS: '200',
    DELIVERY_BACKOFF_MS: '50',
    SHUTDOWN_READINESS_DELAY_MS: '0',
    // Every test comes from 127.0.0.1: per-IP limits are tested on their own (rate-limits.test.ts).
    RATE_LIMIT_CODES_PER_IP: '100000',
    RATE_LIMIT_LOGINS_PER_IP: '100000',
    // Production requires a data key (elsewhere one is generated and kept in the database).
    ...(env.NODE_ENV === 'production' && { DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
    // Production refuses the payment sandbox: a provider's credentials (nothing is paid in these tests).
    ...(env.NODE_ENV === 'production' && { PAYMENT_SHOP_ID: 'test-shop', PAYMENT_SECRET_KEY: 'test-secret' }),
    ...env,
  });
  const clock = new OffsetClock();
  const running = await start(config, { clock, log: opts.log });
  if (!running.api) throw new Error('test app started without the API');
  const url = running.api.url;
  return {
    url,
    config,
    running,
    clock,
    sms,
    mail,
    databaseUrl: db.url,
    storageDir,
    client: new MfcClient({ url, webSocketImpl: WebSocket }),
    async stop() {
      await running.stop();
      await Promise.allSettled([sms.close(), mail.close()]);
      await db.drop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts one app for the calling test file (beforeAll) and stops it (afterAll). The returned
 * object forwards to the running app, so tests write `t.client` as with startTestApp.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  let current: TestApp | null = null;
  beforeAll(async () => {
    current = await startTestApp(env);
  });
  afterAll(async () => {
    await current?.stop();
  });
  return new Proxy({} as TestApp, {
    get(_target, key) {
      if (!current) throw new Error('the test app is not started yet (use it inside tests or hooks)');
      return Reflect.get(current, key) as unknown;
    },
  });
}
