/**
 * What a module hands the composition root (src/app.ts), besides its front door's services: the
 * resolver instances (constructed with the services they call), the types `node(id)` can find, its
 * jobs' processors and schedules, its REST routes, and what to close on shutdown. Every
 * `create<M>Module(deps)` returns its door plus these parts; the root only collects them.
 */
import type { Router } from 'express';
import type { Config } from '../config/env.js';
import type { Database } from '../db/client.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import type { AppPubSub } from './pubsub.js';
import type { JobContract, ProcessorDefinition, ScheduleDefinition } from '../jobs/define.js';
import type { NodeFetcher } from './graphql/relay.js';

export interface ModuleParts {
  resolvers: object[];
  nodes?: NodeFetcher[];
  /** Every job contract the module owns (the worker refuses to start when one has no processor). */
  jobs?: ReadonlyArray<JobContract<unknown>>;
  processors?: ProcessorDefinition[];
  schedules?: ScheduleDefinition[];
  routers?: Router[];
  close?(): Promise<void>;
}

/** The infrastructure most modules' services are built from (their deps extend it). */
export interface CoreDeps {
  config: Config;
  db: Database;
  /** Reads that tolerate replica lag (src/db/replicas.ts); `db` when absent. */
  reads?: Database;
  clock: Clock;
  log: Logger;
  pubsub: AppPubSub;
}
