/**
 * The quick-start command (npm run dev): the API with its workers and demo data on one port.
 * Uses DATABASE_URL / REDIS_URL when set; otherwise starts an embedded PostgreSQL (data under
 * .data/dev) and a redis-server from PATH on free ports, and stops them on exit.
 */
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/env.js';
import { start } from '../src/main.js';
import { seedDemo } from './seed-demo.js';
import { ensureServices } from './services.js';
import { failStartup } from '../src/observability/startup-errors.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fail = failStartup('[dev] ');
const services = await ensureServices({ dataDir: `${root}.data/dev`, log: (m) => console.log(`[dev] ${m}`) }).catch(fail);
const config = await Promise.resolve()
  .then(() => loadConfig({ NODE_ENV: 'development', ...process.env, DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl }))
  .catch(async (err: unknown) => {
    await services.stop();
    return fail(err);
  });
// The demo data is seeded before the API listens: nothing answers until it exists.
let demo: string[] = [];
const running = await start(config, { beforeListen: async (app) => void (demo = await seedDemo(app)) }).catch(async (err: unknown) => {
  await services.stop();
  return fail(err);
});
for (const line of demo) console.log(`[dev] demo ${line}`);
console.log(`[dev] GraphQL:   ${config.PUBLIC_URL}/graphql  (HTTP and WebSocket)`);
console.log(`[dev] health:    ${config.PUBLIC_URL}/healthz, ${config.PUBLIC_URL}/readyz`);
if (!config.SMS_GATEWAY_URL) console.log('[dev] SMS and e-mail are written to this log (no gateway configured): look for [DEV SMS] / [DEV MAIL]');
console.log(`[dev] ready: ${config.PUBLIC_URL}/graphql`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`[dev] ${signal}: stopping`);
  const timer = setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + 5000);
  timer.unref();
  await running.stop();
  await services.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
