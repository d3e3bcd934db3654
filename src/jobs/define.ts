/**
 * Typed job contracts shared by producers (through the outbox) and processors: one name, one
 * queue, one zod payload schema. A payload that does not match is a bug and is never retried.
 */
import type { JobsOptions } from 'bullmq';
import type { z } from 'zod';

export type QueueName = 'notifications' | 'maintenance';
export const QUEUE_NAMES: readonly QueueName[] = ['notifications', 'maintenance'];

export interface JobContract<P> {
  name: string;
  queue: QueueName;
  schema: z.ZodType<P>;
  options?: JobsOptions;
}

export function defineJob<P>(contract: JobContract<P>): JobContract<P> {
  return contract;
}
