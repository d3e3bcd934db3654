/** Per-request loaders of charges and payments (relation fields go through them). */
import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { perRequest } from '../../shared/graphql/context.js';
import { byKeys, groupByKeys } from '../../shared/ids.js';
import * as charges from './charges.repository.js';
import type { ChargeRow } from './charges.repository.js';
import * as repo from './payments.repository.js';
import type { PaymentRow } from './payments.repository.js';

export function createPaymentLoaders(db: Database) {
  return {
    chargeById: new DataLoader<string, ChargeRow | null>(async (ids) => byKeys(ids, await charges.chargesByIds(db, ids), (r) => r.id)),
    chargesByApplication: new DataLoader<string, ChargeRow[]>(async (ids) => groupByKeys(ids, await charges.chargesOfApplications(db, ids), (r) => r.applicationId ?? '')),
    paymentsByCharge: new DataLoader<string, PaymentRow[]>(async (ids) => groupByKeys(ids, await repo.paymentsOfCharges(db, ids), (r) => r.chargeId)),
  };
}

export const paymentLoaders = perRequest((db: Database) => createPaymentLoaders(db));
