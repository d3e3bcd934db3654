/**
 * The payments' jobs: a refund sent to the provider (queued through the outbox in the transaction
 * that decided it: a duplicate payment, an application ended before work started), the repeatable
 * reconciliation of payments and refunds still PENDING after PAYMENT_RECONCILE_MINUTES, and the
 * reminders of approaching due dates.
 */
import { z } from 'zod';
import { defineJob, defineProcessor, defineSchedule, type JobContract, type ProcessorDefinition, type ScheduleDefinition } from '../../jobs/define.js';

/** Sends a refund to the provider (idempotent: the refund's id is the Idempotence-Key). */
export const sendRefund = defineJob({
  name: 'payments.refund',
  queue: 'maintenance',
  schema: z.object({ refundId: z.uuid() }),
  options: { attempts: 8, backoff: { type: 'exponential', delay: 5_000 } },
});

/** Settles payments and refunds still PENDING by asking the provider. */
export const reconcilePayments = defineJob({
  name: 'payments.reconcile',
  queue: 'maintenance',
  schema: z.object({}),
});

/** Tells citizens of unpaid charges whose due date is near (once per charge). */
export const remindDueCharges = defineJob({
  name: 'payments.remindDue',
  queue: 'maintenance',
  schema: z.object({}),
});

/** What the processors call. */
export interface PaymentJobsHandler {
  runRefund(refundId: string): Promise<string>;
  reconcile(): Promise<{ payments: number; refunds: number }>;
  remindDue(): Promise<number>;
}

const REMIND_EVERY_MS = 60 * 60_000;

export function paymentJobs(handler: PaymentJobsHandler, reconcileMinutes: number): {
  jobs: ReadonlyArray<JobContract<unknown>>;
  processors: ProcessorDefinition[];
  schedules: ScheduleDefinition[];
} {
  return {
    jobs: [sendRefund, reconcilePayments, remindDueCharges] as ReadonlyArray<JobContract<unknown>>,
    processors: [
      defineProcessor(sendRefund, ({ refundId }) => handler.runRefund(refundId)),
      defineProcessor(reconcilePayments, () => handler.reconcile()),
      defineProcessor(remindDueCharges, () => handler.remindDue()),
    ],
    schedules: [defineSchedule(reconcilePayments, { every: reconcileMinutes * 60_000 }), defineSchedule(remindDueCharges, { every: REMIND_EVERY_MS })],
  };
}
