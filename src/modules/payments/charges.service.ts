/**
 * Accruals: admins and API clients with CHARGES_WRITE issue fines and taxes (by user id or verified
 * SNILS, with a checked УИН) and cancel them (payments.access.ts says who may cancel what); the
 * charge records its issuer, the ledger its actor, and the citizen is told of every new charge in
 * the same transaction. Reads check the viewer first: a charge the viewer may not see does not
 * exist for them.
 */
import type { Executor } from '../../db/client.js';
import { AppError, ErrorCode, badField, badInput, conflict, notFound, preconditionFailed } from '../../shared/errors.js';
import { localDay } from '../../shared/days.js';
import { normalizeSnils } from '../../shared/identifiers.js';
import { offsetPage, decodeOffset, type OffsetPage } from '../../shared/pagination.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import * as charges from './charges.repository.js';
import type { ChargeFilterValues, ChargeKind, ChargeRow } from './charges.repository.js';
import { CHARGES_TIMEZONE, type PaymentsDeps } from './payments.deps.js';
import { actorOf, type ChargeIssuer, type PaymentsAccess } from './payments.access.js';
import { chargeProblems, formatKopecks, parseKopecks, type ChargeTerms } from './payments.rules.js';

export interface IssueChargeInput extends ChargeTerms {
  userId?: string | null;
  snils?: string | null;
  kind: ChargeKind;
}

const KIND_WORDS: Record<ChargeKind, string> = { STATE_FEE: 'Госпошлина', FINE: 'Штраф', TAX: 'Налог' };

/** "2026-12-20" → "20.12.2026". */
export const ruDay = (d: string): string => d.split('-').reverse().join('.');

export class ChargesService {
  constructor(
    private readonly deps: Pick<PaymentsDeps, 'db' | 'clock' | 'accounts' | 'notifications' | 'log'>,
    private readonly access: PaymentsAccess,
  ) {}

  today(): string {
    return localDay(this.deps.clock.now(), CHARGES_TIMEZONE);
  }

  async issue(issuer: ChargeIssuer, input: IssueChargeInput): Promise<ChargeRow> {
    const problems = chargeProblems(input, this.today());
    if (problems.length > 0) throw badInput(problems);
    const userId = await this.payer(input);
    const actor = actorOf(issuer);
    const row = await this.deps.db.transaction(async (tx) => {
      const inserted = await charges.insertCharge(tx, {
        userId,
        kind: input.kind,
        uin: input.uin ?? '',
        purpose: input.purpose.trim(),
        payee: input.payee.trim(),
        amountKopecks: parseKopecks(input.amount) ?? 0,
        discountPercent: input.discountPercent ?? 0,
        discountUntil: input.discountUntil ?? null,
        dueDate: input.dueDate ?? null,
        issuedBy: actor.actorId,
        issuedByClientId: actor.actorClientId,
        issuedAt: this.deps.clock.now(),
      });
      if (inserted === 'DUPLICATE') throw conflict('Начисление с таким УИН уже есть', 'uin');
      await this.recordIssued(tx, inserted, actor);
      return inserted;
    });
    this.deps.log.info({ chargeId: row.id, userId: row.userId, ...actor }, 'charge issued');
    return row;
  }

  /** In the caller's transaction: the ledger's entry (with who issued it, if anyone) and the citizen's message of a new charge. */
  async recordIssued(tx: Executor, row: ChargeRow, actor?: { actorId: string | null; actorClientId: string | null }): Promise<void> {
    await charges.appendLedger(tx, { kind: 'CHARGE_ISSUED', chargeId: row.id, amountKopecks: row.amountKopecks, at: row.issuedAt, ...actor });
    await this.deps.notifications.notify(tx, {
      userId: row.userId,
      template: 'charge.issued',
      vars: { what: KIND_WORDS[row.kind], purpose: row.purpose, amount: formatKopecks(row.amountKopecks), due: row.dueDate ? ruDay(row.dueDate) : '' },
      subjectType: 'Charge',
      subjectId: row.id,
    });
  }

  /** The citizen a charge is for: by id, or by a SNILS verified on their account. */
  private async payer(input: IssueChargeInput): Promise<string> {
    if (!input.userId === !input.snils) throw badInput([{ field: 'userId', message: 'Укажите пользователя или его СНИЛС (одно из двух)' }, { field: 'snils', message: 'Укажите пользователя или его СНИЛС (одно из двух)' }]);
    if (input.userId) {
      const user = await this.deps.accounts.userById(input.userId);
      if (!user || !user.roles.includes('CITIZEN')) throw notFound('Пользователь');
      return user.id;
    }
    const snils = normalizeSnils(input.snils ?? '');
    if (!snils) throw badField('snils', 'СНИЛС — 11 цифр с верной контрольной суммой');
    const user = await this.deps.accounts.userByVerifiedSnils(snils);
    if (!user) throw new AppError(ErrorCode.NOT_FOUND, 'Нет пользователя с таким подтверждённым СНИЛС', { fields: [{ field: 'snils', message: 'Нет пользователя с таким подтверждённым СНИЛС' }] });
    return user.id;
  }

  async cancel(issuer: ChargeIssuer, id: string, reason: string): Promise<ChargeRow> {
    const why = reason.trim();
    if (!why || why.length > 500) throw badField('reason', 'Укажите причину отмены (до 500 символов)');
    const { db, clock } = this.deps;
    const actor = actorOf(issuer);
    const row = await db.transaction(async (tx) => {
      const current = await charges.lockCharge(tx, id);
      if (!current || !this.access.mayCancel(issuer, current)) throw notFound('Начисление');
      if (current.status !== 'UNPAID') throw preconditionFailed(current.status === 'PAID' ? 'Начисление уже оплачено: верните платёж' : 'Начисление уже отменено', { rule: 'CHARGE_NOT_UNPAID', status: current.status });
      return this.cancelInTx(tx, current, why, clock.now(), actor);
    });
    this.deps.log.info({ chargeId: row.id, userId: row.userId, ...actor }, 'charge cancelled');
    return row;
  }

  /** In the caller's transaction, the charge locked: CANCELLED and its ledger entry (with who, when a person or a client did it). */
  async cancelInTx(tx: Executor, current: ChargeRow, reason: string, now: Date, actor?: { actorId: string | null; actorClientId: string | null }): Promise<ChargeRow> {
    const row = await charges.updateCharge(tx, current.id, current.status, { status: 'CANCELLED', cancelledAt: now, cancelReason: reason });
    if (!row) throw conflict('Начисление изменилось: обновите страницу');
    await charges.appendLedger(tx, { kind: 'CHARGE_CANCELLED', chargeId: row.id, amountKopecks: -row.amountKopecks, note: reason, at: now, ...actor });
    return row;
  }

  /** A charge as the viewer may see it, or null. */
  async charge(viewer: Viewer, id: string): Promise<ChargeRow | null> {
    const row = await charges.findCharge(this.deps.db, id);
    return row && (await this.access.maySee(viewer, row)) ? row : null;
  }

  async myCharges(viewer: Viewer, filter: ChargeFilterValues, first: number, after: string | null): Promise<OffsetPage<ChargeRow>> {
    const offset = after ? decodeOffset(after) : 0;
    const limit = Math.min(Math.max(first, 1), 100);
    const { rows, total } = await charges.chargesOfUser(this.deps.db, viewer.userId, filter, limit, offset);
    return offsetPage(rows, total, offset);
  }

  /** The charges of applications the caller was allowed to read (Application.charges). */
  chargesOfApplications(applicationIds: readonly string[]): Promise<ChargeRow[]> {
    return charges.chargesOfApplications(this.deps.db, applicationIds);
  }
}
