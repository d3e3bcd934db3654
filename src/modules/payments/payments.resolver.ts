/** Thin GraphQL resolvers of charges and payments: authorize, call the door service, map. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { currentThenLive, ownEvents, type AppPubSub } from '../../shared/pubsub.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { Application, toApplication, type ApplicationsService } from '../applications/index.js';
import { ChargeFilter, ChargeInput } from './payments.inputs.js';
import { paymentTopic, type PaymentTopicEvent } from './payments.events.js';
import { paymentLoaders } from './payments.loaders.js';
import { toCharge } from './payments.mappers.js';
import { chargeIssuerOf } from './payments.access.js';
import type { PaymentsService } from './payments.service.js';
import { Charge, ChargeConnection, Payment, PaymentMethod } from './payments.types.js';

type Ctx = GraphQLContext;

export interface PaymentResolverDeps {
  payments: PaymentsService;
  applications: Pick<ApplicationsService, 'application'>;
  pubsub: AppPubSub;
  db: Database;
}

@Resolver(() => Charge)
export class ChargeResolver {
  constructor(private readonly deps: PaymentResolverDeps) {}

  private readonly map = (row: Parameters<typeof toCharge>[0]) => toCharge(row, this.deps.payments.today());

  @Authorized()
  @Query(() => ChargeConnection, { description: 'The caller\'s charges, newest first.' })
  async myCharges(
    @Arg('filter', () => ChargeFilter, { nullable: true, description: 'Which charges.' }) filter: ChargeFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (at most 100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The previous page\'s endCursor.' }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ChargeConnection> {
    const page = await this.deps.payments.myCharges(requireViewer(ctx), { status: filter?.status ?? null, kind: filter?.kind ?? null }, first ?? 20, after);
    return { ...page, nodes: page.nodes.map(this.map) };
  }

  @Authorized()
  @Query(() => Charge, { nullable: true, description: 'A charge the caller may see (their own; staff: of applications at their branch; admins: any).' })
  async charge(@Arg('id', () => ID, { description: 'The charge.' }) id: string, @Ctx() ctx: Ctx): Promise<Charge | null> {
    const row = await this.deps.payments.charge(requireViewer(ctx), id);
    return row ? this.map(row) : null;
  }

  // Not @Authorized(): API clients (no viewer) with scope CHARGES_WRITE call these too; chargeIssuerOf checks the caller.
  @Mutation(() => Charge, { description: 'Integrators (API key with CHARGES_WRITE, not restricted to branches) and admins.' })
  async issueCharge(@Arg('input', () => ChargeInput, { description: 'The accrual.' }) input: ChargeInput, @Ctx() ctx: Ctx): Promise<Charge> {
    return this.map(await this.deps.payments.issue(chargeIssuerOf(ctx), input));
  }

  @Mutation(() => Charge, { description: 'Integrators (API key with CHARGES_WRITE: the charges it issued) and admins: the charge is no longer owed.' })
  async cancelCharge(@Arg('id', () => ID, { description: 'The charge.' }) id: string, @Arg('reason', { description: 'Why (kept in the ledger).' }) reason: string, @Ctx() ctx: Ctx): Promise<Charge> {
    return this.map(await this.deps.payments.cancel(chargeIssuerOf(ctx), id, reason));
  }

  @FieldResolver(() => Application, { nullable: true, description: 'The application a state fee belongs to (null for API clients).' })
  async application(@Root() c: Charge, @Ctx() ctx: Ctx): Promise<Application | null> {
    if (!c.applicationId || !ctx.viewer) return null;
    const row = await this.deps.applications.application(ctx.viewer, c.applicationId);
    return row ? toApplication(row) : null;
  }

  @FieldResolver(() => [Payment], { description: 'Payments of this charge, newest first (none shown to API clients: Charge.status tells them it is paid).' })
  async payments(@Root() c: Charge, @Ctx() ctx: Ctx): Promise<Payment[]> {
    const viewer = ctx.viewer;
    if (!viewer) return [];
    const rows = await paymentLoaders(ctx, this.deps.db).paymentsByCharge.load(c.id);
    return rows.map((r) => this.deps.payments.toPayment(viewer, r));
  }
}

@Resolver(() => Payment)
export class PaymentResolver {
  constructor(private readonly deps: PaymentResolverDeps) {}

  /** paymentUpdated: the caller's pending payments as they are now, then every change of the caller's payments. */
  livePayments(viewer: Viewer): AsyncIterable<PaymentTopicEvent> {
    const current = async () => (await this.deps.payments.pendingPayments(viewer)).map((p): PaymentTopicEvent => ({ userId: p.userId, paymentId: p.id }));
    return currentThenLive(current, ownEvents(this.deps.pubsub, paymentTopic, viewer.userId));
  }

  @Authorized()
  @Query(() => Payment, { nullable: true, description: 'A payment the caller may see.' })
  async payment(@Arg('id', () => ID, { description: 'The payment.' }) id: string, @Ctx() ctx: Ctx): Promise<Payment | null> {
    const viewer = requireViewer(ctx);
    const row = await this.deps.payments.payment(viewer, id);
    return row ? this.deps.payments.toPayment(viewer, row) : null;
  }

  @Authorized()
  @Mutation(() => Payment, { description: 'Start paying a charge; honours Idempotency-Key. Two calls at once get the same PENDING payment.' })
  async payCharge(
    @Arg('chargeId', () => ID, { description: 'The caller\'s unpaid charge.' }) chargeId: string,
    @Arg('method', () => PaymentMethod, { description: 'Card or SBP.' }) method: PaymentMethod,
    @Arg('returnUrl', { description: 'Where the provider sends the citizen back (must match PAYMENT_RETURN_URLS).' }) returnUrl: string,
    @Ctx() ctx: Ctx,
  ): Promise<Payment> {
    const viewer = requireViewer(ctx);
    return this.deps.payments.toPayment(viewer, await this.deps.payments.pay(viewer, chargeId, method, returnUrl, ctx.idempotencyKey));
  }

  @Authorized()
  @Mutation(() => Payment, { description: 'Operators and admins: return money, whole or part.' })
  async refundPayment(
    @Arg('id', () => ID, { description: 'The payment.' }) id: string,
    @Arg('amount', () => String, { nullable: true, description: 'Decimal roubles; all that is left when absent.' }) amount: string | null,
    @Arg('reason', { description: 'Why (the citizen is told; kept in the ledger).' }) reason: string,
    @Ctx() ctx: Ctx,
  ): Promise<Payment> {
    const viewer = requireViewer(ctx);
    return this.deps.payments.toPayment(viewer, await this.deps.payments.refund(viewer, id, amount, reason));
  }

  @FieldResolver(() => Charge, { description: 'What is being paid.' })
  async charge(@Root() p: Payment, @Ctx() ctx: Ctx): Promise<Charge> {
    const row = await paymentLoaders(ctx, this.deps.db).chargeById.load(p.chargeId);
    if (!row) throw notFound('Начисление');
    return toCharge(row, this.deps.payments.today());
  }

  @Subscription(() => Payment, {
    description: 'The caller\'s own payments: those still pending first, as they are now, then every change of status or refund.',
    subscribe: ({ context }: SubscribeResolverData<unknown, unknown, Ctx>) => {
      const viewer = context.viewer;
      if (!viewer) throw unauthenticated();
      return context.resolver(PaymentResolver).livePayments(viewer);
    },
  })
  async paymentUpdated(@Root() event: PaymentTopicEvent, @Ctx() ctx: Ctx): Promise<Payment> {
    const viewer = requireViewer(ctx);
    const row = await this.deps.payments.payment(viewer, event.paymentId);
    if (!row) throw notFound('Платёж');
    return this.deps.payments.toPayment(viewer, row);
  }
}

@Resolver(() => Application)
export class ApplicationChargesResolver {
  constructor(private readonly deps: PaymentResolverDeps) {}

  @FieldResolver(() => [Charge], { description: 'The application\'s state fee (and any other charge of it).' })
  async charges(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Charge[]> {
    const rows = await paymentLoaders(ctx, this.deps.db).chargesByApplication.load(a.id);
    const today = this.deps.payments.today();
    return rows.map((r) => toCharge(r, today));
  }
}
