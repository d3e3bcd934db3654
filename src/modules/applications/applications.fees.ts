/**
 * The state fee around a status move, in the move's transaction: a move past ACCEPTED is refused
 * while the fee is unpaid (PRECONDITION_FAILED, rule FEE_UNPAID); an application rejected or
 * withdrawn before work started has its unpaid fee cancelled and a paid one refunded, and the
 * timeline says so. The fees themselves belong to the payments module (the ApplicationFees port).
 */
import type { Executor } from '../../db/client.js';
import { preconditionFailed } from '../../shared/errors.js';
import type { ApplicationFees } from './applications.deps.js';
import type { ApplicationRow, ApplicationStatus } from './applications.repository.js';
import { FEE_GATED, endsBeforeWork } from './applications.rules.js';

/** A note for the timeline when the fee was cancelled or refunded; null otherwise. Throws FEE_UNPAID. */
export async function settleFee(fees: ApplicationFees, tx: Executor, current: ApplicationRow, to: ApplicationStatus, comment: string | null): Promise<string | null> {
  if (FEE_GATED.has(to) && (await fees.hasUnpaidFee(tx, current.id))) {
    throw preconditionFailed('Госпошлина по заявлению не оплачена: работу по нему начинают после оплаты', { rule: 'FEE_UNPAID' });
  }
  if (endsBeforeWork(current.status, to)) return fees.settleEnded(tx, current.id, comment ?? (to === 'REJECTED' ? 'Отказ в услуге' : 'Заявление отозвано'));
  return null;
}
