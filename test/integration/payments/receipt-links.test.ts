/**
 * Payment.receiptUrl is a short-lived signed link like ticketUrl: a browser opens it without an
 * Authorization header and gets the PDF; it is bound to the payment and to the viewer who asked
 * (their session), and a forged, moved or expired link, or one whose session ended, answers the
 * REST error body (UNAUTHENTICATED, reason LINK_INVALID).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogoutDocument, PaymentDocument } from '../../../src/sdk/generated/graphql.js';
import type { MfcClient } from '../../../src/sdk/client.js';
import { createAccount } from '../../helpers/accounts.js';
import { useTestApp, type TestApp } from '../../helpers/app.js';
import { issueFine, paymentProvider, startPaying } from '../../helpers/payments.js';

const { provider, env } = await paymentProvider();
const t = useTestApp({ ...env, FILE_LINK_TTL_SECONDS: '120' });
let admin: MfcClient;

beforeAll(async () => {
  provider.state.webhookUrl = `${t.url}/webhooks/payments`;
  admin = (await createAccount(t, 'ADMIN')).client;
});
afterAll(() => provider.close());

/** GETs a signed link on the test server exactly as given (path and query), with no header. */
const open = (t: TestApp, url: string) => {
  const u = new URL(url);
  return fetch(`${t.url}${u.pathname}${u.search}`);
};
const linkError = async (res: Response) => ({ status: res.status, body: (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> } });

async function paid() {
  const c = await createAccount(t, 'CITIZEN');
  const charge = await issueFine(admin, c.id, { amount: '777.70' });
  const p = await startPaying(c.client, charge.id);
  const remote = [...provider.payments.values()].find((x) => x.metadata?.payment_id === p.id);
  await provider.succeed(remote?.id ?? '');
  const { payment } = await c.client.request(PaymentDocument, { id: p.id });
  return { c, p, receiptUrl: payment?.receiptUrl ?? '' };
}

describe('Payment.receiptUrl', () => {
  it('opens the PDF in a browser without a header; the payer\'s link is theirs, staff get their own', async () => {
    const { p, receiptUrl } = await paid();
    expect(receiptUrl).toMatch(new RegExp(`/payments/${p.id}/receipt\\.pdf\\?sig=[\\w-]+\\.[\\w-]+$`));
    const res = await open(t, receiptUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const staffUrl = (await admin.request(PaymentDocument, { id: p.id })).payment?.receiptUrl ?? '';
    expect(staffUrl).not.toBe(receiptUrl);
    expect((await open(t, staffUrl)).status).toBe(200);
  });

  it('a tampered or moved signature gets the REST error body, not the PDF', async () => {
    const one = await paid();
    const two = await paid();
    const sig = new URL(one.receiptUrl).searchParams.get('sig') ?? '';
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.slice(-1);
    for (const url of [`${t.url}/payments/${one.p.id}/receipt.pdf?sig=${flipped}`, `${t.url}/payments/${two.p.id}/receipt.pdf?sig=${sig}`, `${t.url}/payments/${one.p.id}/receipt.pdf?sig=`]) {
      const { status, body } = await linkError(await fetch(url));
      expect(status).toBe(401);
      expect(body.errors[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'LINK_INVALID' });
      expect(body.errors[0]?.message).toEqual(expect.any(String));
    }
  });

  it('expires after FILE_LINK_TTL_SECONDS; asking again gives a fresh link', async () => {
    const { c, p, receiptUrl } = await paid();
    t.clock.advance(121_000);
    try {
      const { status, body } = await linkError(await open(t, receiptUrl));
      expect(status).toBe(401);
      expect(body.errors[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LINK_INVALID' });
    } finally {
      t.clock.advance(-121_000);
    }
    const fresh = (await c.client.request(PaymentDocument, { id: p.id })).payment?.receiptUrl ?? '';
    expect((await open(t, fresh)).status).toBe(200);
  });

  it('dies with the session that asked for it', async () => {
    const { c, receiptUrl } = await paid();
    expect((await open(t, receiptUrl)).status).toBe(200);
    await c.client.request(LogoutDocument);
    expect((await open(t, receiptUrl)).status).toBe(401);
  });

  it('is null until the payment goes through', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const charge = await issueFine(admin, c.id);
    expect((await startPaying(c.client, charge.id)).receiptUrl).toBeNull();
  });
});
