/**
 * Process entry: ROLE=api serves GraphQL, ROLE=worker runs the outbox relay and the BullMQ
 * workers, ROLE=all does both. Pending migrations are applied first (under an advisory lock).
 * SIGTERM/SIGINT: /readyz reports not-ready for SHUTDOWN_READINESS_DELAY_MS, then stop accepting,
 * answer requests in flight (with Connection: close), drain sockets, let running jobs finish,
 * close pools, all within SHUTDOWN_TIMEOUT_MS (10 s) after the delay, then exit.
 */
import 'reflect-metadata';
import { createApp, type App, type AppOptions } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { migrate } from './db/migrate.js';
import { createSchema } from './server/schema.js';
import { startApiServer, type ApiServer } from './server/http.js';
import { startWorkers } from '../workers/main.js';

export interface Running {
  app: App;
  api: ApiServer | null;
  stop(): Promise<void>;
}

/** Starts what ROLE asks for; used by main, the dev command and the tests. */
export async function start(config: Config, opts: AppOptions = {}): Promise<Running> {
  if (config.MIGRATE_ON_START) await migrate(config.DATABASE_URL);
  const app = await createApp(config, opts);
  const api = config.ROLE === 'worker' ? null : await startApiServer(app, await createSchema({ instances: app.resolvers }));
  const workers = config.ROLE === 'api' ? null : await startWorkers(app);
  let stopping: Promise<void> | null = null;
  return {
    app,
    api,
    stop() {
      stopping ??= (async () => {
        await api?.close();
        await workers?.close();
        await app.close();
      })();
      return stopping;
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const running = await start(config);
  const { log } = running.app;
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_READINESS_DELAY_MS + config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
