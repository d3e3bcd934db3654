/**
 * Per-user subscriptions with a current state send it first, then go live: ticketUpdated (the
 * tickets still in the queue), applicationStatusChanged (the latest entry of the application given,
 * or of each of the caller's own applications in progress) and paymentUpdated (pending payments).
 * A client that reconnects is thus never left with a stale object.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationStatusChangedDocument,
  CancelApplicationDocument,
  CancelTicketDocument,
  ChangeApplicationStatusDocument,
  CreateApplicationDraftDocument,
  PaymentUpdatedDocument,
  SubmitApplicationDocument,
  TakeTicketDocument,
  TicketUpdatedDocument,
} from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { issueFine, paymentProvider, startPaying } from '../../helpers/payments.js';
import { openNow } from '../../helpers/queue.js';
import { subscribe } from '../../helpers/subscriptions.js';
import { buildBranch, buildCategory, buildService } from '../../factories/catalog.js';

const { provider, env } = await paymentProvider();
const t = useTestApp(env);
let admin: MfcClient;
let serviceId: string;
let branches: string[];
let operator: Awaited<ReturnType<typeof createAccount>>;

beforeAll(async () => {
  provider.state.webhookUrl = `${t.url}/webhooks/payments`;
  admin = (await createStaff(t, 'ADMIN')).client;
  serviceId = (await buildService(admin, (await buildCategory(admin)).id, { availableOnline: true, requiredDocuments: [], applicationForm: null })).id;
  branches = [(await buildBranch(admin, openNow(), [serviceId])).id, (await buildBranch(admin, openNow(), [serviceId])).id];
  operator = await createAccount(t, 'OPERATOR', { staffBranchId: branches[0] });
});
afterAll(() => provider.close());

/** Lets anything that would (wrongly) follow the current state arrive. */
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('current state first', () => {
  it('ticketUpdated: the caller’s tickets still in the queue come first, as they are now; then changes', async () => {
    const [citizen, other] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    const { takeTicket: waiting } = await citizen.client.request(TakeTicketDocument, { branchId: branches[0] ?? '', serviceId });
    const { takeTicket: left } = await citizen.client.request(TakeTicketDocument, { branchId: branches[1] ?? '', serviceId });
    await citizen.client.request(CancelTicketDocument, { id: left.id });
    await other.client.request(TakeTicketDocument, { branchId: branches[0] ?? '', serviceId });

    const live = await subscribe(citizen.client, TicketUpdatedDocument);
    try {
      const first = await live.next();
      expect(first.ticketUpdated).toMatchObject({ id: waiting.id, status: 'WAITING', position: 1 });
      await settle();
      expect(live.events.map((e) => e.ticketUpdated.id)).toEqual([waiting.id]);
      await citizen.client.request(CancelTicketDocument, { id: waiting.id });
      const cancelled = await live.next((e) => e.ticketUpdated.status === 'CANCELLED');
      expect(cancelled.ticketUpdated.id).toBe(waiting.id);
    } finally {
      await live.dispose();
    }
  });

  it('applicationStatusChanged: the latest entry of each own application in progress (or of the one given) first; then changes', async () => {
    const citizen = await createAccount(t, 'CITIZEN');
    const submit = async () => {
      const { createApplicationDraft: draft } = await citizen.client.request(CreateApplicationDraftDocument, { input: { serviceId, branchId: branches[0] ?? '', attachmentIds: [], data: {} } });
      return (await citizen.client.request(SubmitApplicationDocument, { id: draft.id })).submitApplication;
    };
    const open = await submit();
    const withdrawn = await submit();
    await citizen.client.request(CancelApplicationDocument, { id: withdrawn.id, reason: 'Передумал' });

    const all = await subscribe(citizen.client, ApplicationStatusChangedDocument, {});
    const one = await subscribe(citizen.client, ApplicationStatusChangedDocument, { applicationId: withdrawn.id });
    try {
      expect((await all.next()).applicationStatusChanged).toMatchObject({ applicationId: open.id, status: 'ACCEPTED', actor: 'SYSTEM' });
      expect((await one.next()).applicationStatusChanged).toMatchObject({ applicationId: withdrawn.id, status: 'CANCELLED', actor: 'CITIZEN', comment: 'Передумал' });
      await settle();
      expect(all.events).toHaveLength(1);
      expect(one.events).toHaveLength(1);
      await operator.client.request(ChangeApplicationStatusDocument, { id: open.id, status: 'IN_PROGRESS' });
      expect((await all.next((e) => e.applicationStatusChanged.status === 'IN_PROGRESS')).applicationStatusChanged.applicationId).toBe(open.id);
      await settle();
      expect(one.events).toHaveLength(1);
    } finally {
      await all.dispose();
      await one.dispose();
    }
  });

  it('paymentUpdated: the caller’s pending payments first, as they are now; then changes', async () => {
    const [citizen, other] = await Promise.all([createAccount(t, 'CITIZEN'), createAccount(t, 'CITIZEN')]);
    const charge = await issueFine(admin, citizen.id, { amount: '300' });
    const pending = await startPaying(citizen.client, charge.id);
    await startPaying(other.client, (await issueFine(admin, other.id)).id);

    const live = await subscribe(citizen.client, PaymentUpdatedDocument);
    try {
      expect((await live.next()).paymentUpdated).toMatchObject({ id: pending.id, status: 'PENDING', charge: { id: charge.id, status: 'UNPAID' } });
      await settle();
      expect(live.events).toHaveLength(1);
      const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === pending.id);
      await provider.succeed(remote?.id ?? '');
      const paid = await live.next((e) => e.paymentUpdated.status === 'SUCCEEDED', 8000);
      // Its charge is read anew for this event, not taken from the first event's loaders (UNPAID then).
      expect(paid.paymentUpdated).toMatchObject({ id: pending.id, charge: { id: charge.id, status: 'PAID' } });
    } finally {
      await live.dispose();
    }
  });
});
