/**
 * State fees of applications (the applications module's ApplicationFees port) and reminders of
 * approaching due dates. A fee is issued in the submission's transaction at the service's fee with
 * the online discount (ONLINE_FEE_DISCOUNT_PERCENT) and a УИН of our own series; an application
 * ended before work started has its unpaid fee cancelled and a paid one refunded.
 */
import type { Executor } from '../../db/client.js';
import { addDays } from '../../shared/days.js';
import type { ApplicationFees } from '../applications/index.js';
import * as charges from './charges.repository.js';
import * as repo from './payments.repository.js';
import type { ChargesService } from './charges.service.js';
import { ruDay } from './charges.service.js';
import type { PaymentsDeps } from './payments.deps.js';
import type { RefundsService } from './refunds.service.js';
import { formatKopecks, issuedUin, parseKopecks, payableKopecks, refundableKopecks } from './payments.rules.js';

/** The payee of the state fees the account issues. */
export const STATE_FEE_PAYEE = 'УФК по г. Москве (ГБУ МФЦ города Москвы)';

const PAID_FAMILY = new Set(['SUCCEEDED', 'PARTIALLY_REFUNDED']);

export class FeesService implements ApplicationFees {
  constructor(
    private readonly deps: Pick<PaymentsDeps, 'db' | 'clock' | 'config' | 'catalog' | 'notifications' | 'log'>,
    private readonly chargesService: ChargesService,
    private readonly refunds: RefundsService,
  ) {}

  async issueFee(tx: Executor, application: { id: string; userId: string; serviceId: string; number: string | null }): Promise<void> {
    const [service] = await this.deps.catalog.servicesByIds([application.serviceId], tx);
    const amountKopecks = service?.feeAmount ? parseKopecks(service.feeAmount) : null;
    if (!service || amountKopecks === null) return;
    const row = await charges.insertCharge(tx, {
      userId: application.userId,
      kind: 'STATE_FEE',
      uin: issuedUin(await charges.nextUinSerial(tx)),
      purpose: `Госпошлина: ${service.title}${application.number ? `, заявление ${application.number}` : ''}`,
      payee: STATE_FEE_PAYEE,
      amountKopecks,
      discountPercent: this.deps.config.ONLINE_FEE_DISCOUNT_PERCENT,
      applicationId: application.id,
      issuedAt: this.deps.clock.now(),
    });
    if (row !== 'DUPLICATE') await this.chargesService.recordIssued(tx, row);
  }

  async hasUnpaidFee(tx: Executor, applicationId: string): Promise<boolean> {
    const rows = await charges.lockChargesOfApplication(tx, applicationId);
    return rows.some((c) => c.kind === 'STATE_FEE' && c.status === 'UNPAID');
  }

  async settleEnded(tx: Executor, applicationId: string, reason: string): Promise<string | null> {
    const now = this.deps.clock.now();
    const notes: string[] = [];
    for (const charge of await charges.lockChargesOfApplication(tx, applicationId)) {
      if (charge.kind !== 'STATE_FEE') continue;
      if (charge.status === 'UNPAID') {
        await this.chargesService.cancelInTx(tx, charge, reason, now);
        notes.push('Начисление госпошлины отменено.');
        continue;
      }
      if (charge.status !== 'PAID') continue;
      let refunded = 0;
      for (const p of await repo.paymentsOfCharges(tx, [charge.id])) {
        if (!PAID_FAMILY.has(p.status) || refundableKopecks(p.amountKopecks, await repo.refundsOf(tx, p.id)) <= 0) continue;
        refunded += (await this.refunds.refundLater(tx, p.id, `Возврат госпошлины: ${reason}`)).amountKopecks;
      }
      await this.chargesService.cancelInTx(tx, charge, reason, now);
      if (refunded > 0) notes.push(`Госпошлина ${formatKopecks(refunded)} ₽ будет возвращена автоматически.`);
    }
    return notes.length > 0 ? notes.join(' ') : null;
  }

  /** Unpaid charges due within PAYMENT_DUE_REMINDER_DAYS: each citizen told once per charge. */
  async remindDue(): Promise<number> {
    const { db, clock, config, notifications } = this.deps;
    const today = this.chargesService.today();
    let sent = 0;
    for (const c of await charges.chargesDueBy(db, addDays(today, config.PAYMENT_DUE_REMINDER_DAYS), 500)) {
      if (c.dueDate === null || c.dueDate < today) continue;
      const told = await db.transaction(async (tx) => {
        if (!(await charges.markReminded(tx, c.id, clock.now()))) return false;
        const amount = formatKopecks(payableKopecks(c, today));
        await notifications.notify(tx, { userId: c.userId, template: 'charge.due', vars: { purpose: c.purpose, amount, date: ruDay(c.dueDate ?? today) }, subjectType: 'Charge', subjectId: c.id });
        return true;
      });
      if (told) sent += 1;
    }
    return sent;
  }
}
