/**
 * The payments module, assembled: the provider (YooKassa API v3 with PAYMENT_SHOP_ID, else the
 * development sandbox: production refuses to start without a provider), the services, the door
 * (PaymentsService), the applications' fee port (FeesService), resolvers, HTTP routes and jobs.
 */
import type { Redis } from 'ioredis';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import type { ApplicationFees, ApplicationsService } from '../applications/index.js';
import type { SessionGuard } from '../accounts/index.js';
import { ChargesService } from './charges.service.js';
import { FeesService } from './fees.service.js';
import { PayService } from './pay.service.js';
import { PaymentsAccess } from './payments.access.js';
import { PaymentEffects, type PaymentsDeps } from './payments.deps.js';
import { paymentsRouter } from './payments.http.js';
import { paymentJobs } from './payments.jobs.js';
import { toCharge } from './payments.mappers.js';
import { ApplicationChargesResolver, ChargeResolver, PaymentResolver, type PaymentResolverDeps } from './payments.resolver.js';
import { PaymentsService } from './payments.service.js';
import type { PaymentProvider } from './provider/provider.js';
import { SandboxProvider } from './provider/sandbox.js';
import { YooKassaClient } from './provider/yookassa.js';
import { RefundsService } from './refunds.service.js';
import { SettlementService } from './settlement.service.js';

export interface PaymentsModuleDeps extends Omit<PaymentsDeps, 'provider'> {
  /** Charge.application: the application as the viewer may see it. */
  applicationsDoor: Pick<ApplicationsService, 'application'>;
  /** The receipt's route checks the bearer token. */
  sessions: Pick<SessionGuard, 'authenticate'>;
  /** The sandbox keeps its payments here (development). */
  redis: Redis;
}

export interface PaymentsModule extends ModuleParts {
  payments: PaymentsService;
  /** The applications module's port: state fees issued, checked and returned. */
  fees: ApplicationFees;
  /** Settles a payment from the provider (notifications, the reconciler; tests). */
  settlement: SettlementService;
  /** The development sandbox, when no provider is configured. */
  sandbox: SandboxProvider | null;
}

function providerOf(deps: PaymentsModuleDeps): PaymentProvider {
  const { config } = deps;
  if (config.PAYMENT_SHOP_ID && config.PAYMENT_SECRET_KEY) {
    return new YooKassaClient({ url: config.PAYMENT_PROVIDER_URL, shopId: config.PAYMENT_SHOP_ID, secretKey: config.PAYMENT_SECRET_KEY, timeoutMs: config.PAYMENT_PROVIDER_TIMEOUT_MS });
  }
  if (config.isProduction) throw new Error('the payment sandbox is refused in production: set PAYMENT_SHOP_ID and PAYMENT_SECRET_KEY');
  deps.log.warn('payments: no PAYMENT_SHOP_ID, using the development sandbox (/payments/sandbox/:id)');
  return new SandboxProvider({ redis: deps.redis, prefix: config.REDIS_PREFIX, publicUrl: config.PUBLIC_URL });
}

export function createPaymentsModule(moduleDeps: PaymentsModuleDeps): PaymentsModule {
  const provider = providerOf(moduleDeps);
  const deps: PaymentsDeps = { ...moduleDeps, provider };
  const access = new PaymentsAccess(deps);
  const effects = new PaymentEffects(deps);
  const charges = new ChargesService(deps, access);
  const refunds = new RefundsService(deps, access, effects);
  const settlement = new SettlementService(deps, refunds, effects);
  const pay = new PayService(deps, charges, settlement, effects);
  const fees = new FeesService(deps, charges, refunds);
  const payments = new PaymentsService(deps, { charges, pay, refunds, access });
  const resolverDeps: PaymentResolverDeps = { payments, applications: moduleDeps.applicationsDoor, pubsub: deps.pubsub, db: deps.db };
  const sandbox = provider instanceof SandboxProvider ? provider : null;
  const handler = { runRefund: (id: string) => refunds.runRefund(id), reconcile: () => settlement.reconcile(), remindDue: () => fees.remindDue() };
  return {
    payments,
    fees,
    settlement,
    sandbox,
    resolvers: [new ChargeResolver(resolverDeps), new PaymentResolver(resolverDeps), new ApplicationChargesResolver(resolverDeps)],
    nodes: [
      nodeType('Charge', (viewer, id) => payments.charge(viewer, id), (row) => toCharge(row, payments.today())),
      nodeType('Payment', async (viewer, id) => {
        const row = await payments.payment(viewer, id);
        return row ? payments.toPayment(viewer, row) : null;
      }, (payment) => payment),
    ],
    routers: [paymentsRouter({ payments, settlement, sessions: moduleDeps.sessions, accounts: deps.accounts, sandbox, log: deps.log })],
    ...paymentJobs(handler, deps.config.PAYMENT_RECONCILE_MINUTES),
  };
}
