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
import { startObservability } from './observability/start.js';
import { explainMigrationFailure, explainStartFailure, failStartup, StartupError } from './observability/startup-errors.js';

export interface Running {
  app: App;
  api: ApiServer | null;
  stop(): Promise<void>;
}

export interface StartOptions extends AppOptions {
  /** Runs after the application is built and before the API listens (npm run dev seeds the demo data here). */
  beforeListen?: (app: App) => Promise<void>;
}

/**
 * Starts what ROLE asks for; used by main, the dev command and the tests. Expected failures (a
 * dependency not answering, a migration failing, a busy port) reject with a StartupError.
 */
export async function start(config: Config, opts: StartOptions = {}): Promise<Running> {
  if (config.MIGRATE_ON_START) {
    await migrate(config.DATABASE_DIRECT_URL || config.DATABASE_URL).catch((err: unknown) => {
      throw explainMigrationFailure(err, config.DATABASE_URL);
    });
  }
  const app = await createApp(config, opts).catch((err: unknown) => {
    throw explainStartFailure(err, config);
  });
  let api: ApiServer | null = null;
  let workers: { close(): Promise<void> } | null = null;
  let observability: { close(): Promise<void> } | null = null;
  try {
    observability = await startObservability(app);
    await opts.beforeListen?.(app);
    api = config.ROLE === 'worker' ? null : await startApiServer(app, await createSchema({ instances: app.resolvers }));
    workers = config.ROLE === 'api' ? null : await startWorkers(app);
  } catch (err) {
    await api?.close().catch(() => undefined);
    await observability?.close().catch(() => undefined);
    await app.close().catch(() => undefined);
    throw err;
  }
  let stopping: Promise<void> | null = null;
  return {
    app,
    api,
    stop() {
      stopping ??= (async () => {
        await api?.close();
        await workers?.close();
        await observability?.close();
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
      console.error(`invalid configuration: ${err.problems.join('; ')}`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  const running = await start(config).catch((err: unknown) => {
    if (!(err instanceof StartupError)) throw err;
    return failStartup()(err);
  });
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
