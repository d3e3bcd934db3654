/**
 * The payments' HTTP routes: the provider's notifications (POST /webhooks/payments: only the named
 * object's id is read, its state is fetched from the provider), the PDF receipt for the payer and
 * staff (a bearer token, or the signed link of Payment.receiptUrl that opens in a browser), and, in
 * development without a provider, the sandbox's confirmation page.
 */
import { sendRestError } from '../../shared/http-errors.js';
import express, { Router, type Request, type Response } from 'express';
import { checkBearer, sendLoginRequired, sendTokenRefused } from '../../shared/auth/rest-auth.js';
import type { TokenRejection } from '../../shared/auth/tokens.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { LINK_PARAM } from '../../shared/signed-links.js';
import type { Logger } from '../../shared/logger.js';
import type { AccountsDirectory, SessionGuard } from '../accounts/index.js';
import { formatKopecks } from './payments.rules.js';
import type { PaymentsService } from './payments.service.js';
import { ProviderError } from './provider/provider.js';
import type { SandboxProvider } from './provider/sandbox.js';
import { receiptPdf } from './receipt-pdf.js';
import { sandboxPage } from './sandbox-page.js';
import type { SettlementService } from './settlement.service.js';

export interface PaymentRoutesDeps {
  payments: PaymentsService;
  settlement: SettlementService;
  sessions: Pick<SessionGuard, 'authenticate'>;
  accounts: AccountsDirectory;
  sandbox: SandboxProvider | null;
  log: Logger;
}

/** `{type: "notification", event, object: {id}}`: the event and the object's id, nothing else. */
function notificationOf(body: unknown): { event: string; objectId: string } | null {
  const b = body as { event?: unknown; object?: { id?: unknown } } | null;
  if (typeof b?.event !== 'string' || typeof b.object?.id !== 'string' || b.object.id.length > 100) return null;
  return { event: b.event, objectId: b.object.id };
}

/** Who is calling: a bearer token, or else a signed link (`?sig=`, from Payment.receiptUrl). */
async function viewerOf(deps: PaymentRoutesDeps, req: Request): Promise<{ viewer: Viewer | null; byLink: boolean; refused?: TokenRejection }> {
  const check = await checkBearer(deps.sessions, req.header('authorization'));
  if (check.kind === 'user') return { viewer: check.viewer, byLink: false };
  if (check.kind === 'refused') return { viewer: null, byLink: false, refused: check.reason };
  if (req.query[LINK_PARAM] === undefined) return { viewer: null, byLink: false };
  return { viewer: await deps.payments.linkViewer(req.path, req.query[LINK_PARAM]), byLink: true };
}

const MOSCOW = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'long', timeStyle: 'medium' });

export function paymentsRouter(deps: PaymentRoutesDeps): Router {
  const router = Router();
  router.post('/webhooks/payments', express.json({ limit: '64kb' }), async (req: Request, res: Response) => {
    const n = notificationOf(req.body);
    if (!n) return void sendRestError(res, 400, 'BAD_USER_INPUT', 'Это не уведомление о платеже', { field: 'object.id' });
    try {
      const outcome = await deps.settlement.notified(n);
      res.status(200).json({ outcome });
    } catch (err) {
      // A provider that does not know the object: the notification was not theirs (forged); nothing changes.
      if (err instanceof ProviderError && !err.retryable) return void res.status(200).json({ outcome: 'UNKNOWN' });
      deps.log.warn({ err }, 'a payment notification could not be settled now; the provider retries it');
      sendRestError(res, 503, 'SERVICE_UNAVAILABLE', 'Повторите уведомление позже');
    }
  });

  router.get('/payments/:id/receipt.pdf', async (req: Request, res: Response) => {
    const { viewer, byLink, refused } = await viewerOf(deps, req);
    if (!viewer) {
      if (refused) return void sendTokenRefused(res, refused);
      if (byLink) return void sendRestError(res, 401, 'UNAUTHENTICATED', 'Ссылка устарела или недействительна: получите новую', { reason: 'LINK_INVALID' });
      return void sendLoginRequired(res, 'Войдите, чтобы получить чек');
    }
    const found = await deps.payments.receipt(viewer, String(req.params.id));
    if (!found) return void sendRestError(res, 404, 'NOT_FOUND', 'Платёж не найден');
    const { payment, charge } = found;
    if (!payment.paidAt || !payment.providerPaymentId || !['SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED'].includes(payment.status)) {
      return void sendRestError(res, 409, 'PRECONDITION_FAILED', 'Чек выдаётся после оплаты', { rule: 'NOT_PAID' });
    }
    const payer = await deps.accounts.userById(payment.userId);
    const pdf = await receiptPdf({
      paymentId: payment.id,
      payer: payer ? [payer.lastName, payer.firstName, payer.middleName].filter(Boolean).join(' ') : '—',
      payee: charge.payee,
      uin: charge.uin,
      purpose: charge.purpose,
      amount: formatKopecks(payment.amountKopecks),
      refunded: payment.refundedKopecks > 0 ? formatKopecks(payment.refundedKopecks) : null,
      method: payment.method === 'SBP' ? 'Система быстрых платежей' : 'Банковская карта',
      paidAt: `${MOSCOW.format(payment.paidAt)} (МСК)`,
      providerPaymentId: payment.providerPaymentId,
      createdAt: payment.paidAt,
    });
    res.status(200).type('application/pdf').setHeader('content-disposition', `attachment; filename="receipt-${payment.id}.pdf"`).send(pdf);
  });

  if (deps.sandbox) mountSandbox(router, deps.sandbox, deps.settlement);
  return router;
}

/** Development only: the sandbox's page and its two buttons, settled through the notification path. */
function mountSandbox(router: Router, sandbox: SandboxProvider, settlement: SettlementService): void {
  router.get('/payments/sandbox/:id', async (req: Request, res: Response) => {
    const payment = await sandbox.getPayment(String(req.params.id)).catch(() => null);
    if (!payment) return void sendRestError(res, 404, 'NOT_FOUND', 'Платёж не найден');
    res.status(200).type('text/html; charset=utf-8').send(sandboxPage(payment));
  });
  router.post('/payments/sandbox/:id/:decision', express.urlencoded({ extended: false, limit: '1kb' }), async (req: Request, res: Response) => {
    const decision = String(req.params.decision);
    if (decision !== 'pay' && decision !== 'decline') return void sendRestError(res, 404, 'NOT_FOUND', 'Нет такого действия');
    const payment = await sandbox.decide(String(req.params.id), decision === 'pay').catch(() => null);
    if (!payment) return void sendRestError(res, 404, 'NOT_FOUND', 'Платёж не найден');
    await settlement.syncPayment(payment.id);
    res.status(200).type('text/html; charset=utf-8').send(sandboxPage(payment));
  });
}
