/** The front door of the payments module: the only file other code imports from it. */
// The door defines GraphQL types: the metadata polyfill loads first, whoever imports the door first.
import 'reflect-metadata';
export { createPaymentsModule, type PaymentsModule, type PaymentsModuleDeps } from './payments.module.js';
export type { PaymentsService } from './payments.service.js';
export type { PaymentApplications } from './payments.deps.js';
export { ApplicationChargesResolver, ChargeResolver, PaymentResolver } from './payments.resolver.js';
export { paymentTopic, type PaymentTopicEvent } from './payments.events.js';
export { reconcilePayments, remindDueCharges, sendRefund } from './payments.jobs.js';
export { formatKopecks, parseKopecks, uinControlDigit, uinProblem } from './payments.rules.js';
export { Payment } from './payments.types.js';
