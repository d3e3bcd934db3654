/**
 * Typed job contracts shared by producers (through the outbox) and processors: one name, one
 * queue, one zod payload schema. A payload that does not match is a bug and is never retried.
 */
import { UnrecoverableError, type Job, type JobsOptions, type RepeatOptions } from 'bullmq';
import type { z } from 'zod';

export type QueueName = 'notifications' | 'maintenance' | 'webhooks';
export const QUEUE_NAMES: readonly QueueName[] = ['notifications', 'maintenance', 'webhooks'];

export interface JobContract<P> {
  name: string;
  queue: QueueName;
  schema: z.ZodType<P>;
  options?: JobsOptions;
}

export function defineJob<P>(contract: JobContract<P>): JobContract<P> {
  return contract;
}

/** A job's processor: the payload parsed once against the contract, a bad one failed for good. */
export interface ProcessorDefinition {
  name: string;
  queue: QueueName;
  handle(job: Job): Promise<unknown>;
}

/**
 * Binds a handler to its contract. The handler gets the parsed payload; a payload that does not
 * match the contract is a bug (a producer and a consumer disagree), so it fails with BullMQ's
 * UnrecoverableError and is never retried.
 */
export function defineProcessor<P>(contract: JobContract<P>, handler: (payload: P, job: Job) => Promise<unknown>): ProcessorDefinition {
  return {
    name: contract.name,
    queue: contract.queue,
    async handle(job) {
      const parsed = contract.schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`bad payload for ${contract.name}: ${parsed.error.message}`);
      return handler(parsed.data, job);
    },
  };
}

/** A repeatable job: one scheduler per name, however many workers start (upserted by name). */
export interface ScheduleDefinition {
  job: JobContract<unknown>;
  repeat: RepeatOptions;
}

export function defineSchedule<P>(job: JobContract<P>, repeat: RepeatOptions): ScheduleDefinition {
  return { job, repeat };
}
