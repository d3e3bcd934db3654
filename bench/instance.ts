/**
 * Another API instance of a bench, in a process of its own (forked by bench/contention.ts with
 * BENCH_INSTANCES > 1): the same settings as the bench's own instance, over the same PostgreSQL
 * and Redis, as the deployment runs two APIs behind a balancer (docker-compose.yml).
 *
 * Child → parent: { url } once listening. Parent → child: 'stop'.
 */
import './production.js';
import 'reflect-metadata';
import { loadConfig } from '../src/config/env.js';
import { start } from '../src/main.js';

const running = await start(loadConfig({ ...process.env, MIGRATE_ON_START: 'false' }));
process.send?.({ url: `${running.api?.url ?? ''}/graphql` });
process.on('message', (m) => {
  if (m !== 'stop') return;
  void running.stop().then(() => process.exit(0));
});
