/** What every benchmark starts from: local services, an API-only instance in production mode, the demo data. */
import './production.js';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/env.js';
import { start } from '../src/main.js';
import { ensureServices } from '../scripts/services.js';
import { seedDemo } from '../scripts/seed-demo.js';

export async function startBenchApp(env: Record<string, string> = {}) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const services = await ensureServices({ dataDir: `${root}.data/bench`, log: (m) => console.log(`[bench] ${m}`) });
  const settings: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    // Messages go nowhere: nothing listens on the discard port, deliveries just fail and retry.
    SMS_GATEWAY_URL: 'http://127.0.0.1:9/unused',
    SMS_GATEWAY_TOKEN: 'bench',
    SMTP_URL: 'smtp://127.0.0.1:9',
    // Production requires a data key; the bench database lives on between runs, so the key is fixed.
    DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY ?? 'YmVuY2gtb25seS1kYXRhLWVuY3J5cHRpb24ta2V5ISE=',
    // Production refuses the payment sandbox; bench/payments.ts points these at its local provider.
    PAYMENT_SHOP_ID: 'bench-shop',
    PAYMENT_SECRET_KEY: 'bench-secret',
    ROLE: 'api',
    RATE_LIMIT_LOGINS_PER_IP: '100000000',
    ...env,
  };
  const config = loadConfig(settings);
  const running = await start(config);
  await seedDemo(running.app);
  const api = `${running.api?.url ?? ''}/graphql`;
  return {
    services,
    config,
    /** The environment this instance was configured from (another instance of the same bench starts from it). */
    settings,
    running,
    api,
    async stop() {
      await running.stop();
      await services.stop();
    },
  };
}
