import type { Job } from 'bullmq';
import type { App } from '../../src/app.js';

export type ProcessorDeps = Pick<App, 'config' | 'log' | 'clock' | 'db' | 'services'>;
export type Processor = (job: Job, deps: ProcessorDeps) => Promise<unknown>;
