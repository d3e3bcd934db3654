/**
 * The load side of bench:payments, in a process of its own (forked by bench/payments.ts): the local
 * YooKassa API v3 server and the concurrent payCharge callers. Kept out of the application's process
 * so its event loop serves only the application: in one process, the 500 clients' HTTP and the
 * provider's server took a fair share of the one thread being measured.
 *
 * BENCH_IN_PROCESS=1 runs it in the application's process instead (as the bench first did).
 *
 * Messages: → {type: 'ready', url} (the provider's URL); ← {type: 'run', api, calls}; → {type: 'done',
 * outcomes, created, elapsedMs}; ← {type: 'close'}.
 */
import { startYooKassa } from '../test/helpers/yookassa.js';

export interface LoadCall {
  token: string;
  chargeId: string;
}

export interface LoadOutcome {
  chargeId: string;
  paymentId: string | null;
  url: string | null;
  code: string | null;
  ms: number;
}

export type LoadMessage = { type: 'ready'; url: string } | { type: 'done'; outcomes: LoadOutcome[]; created: number; elapsedMs: number };
export type LoadCommand = { type: 'run'; api: string; calls: LoadCall[] } | { type: 'close' };

const PAY = 'mutation($c: ID!) { payCharge(chargeId: $c, method: CARD, returnUrl: "https://mfc.example/pay/done") { id status confirmationUrl } }';

async function pay(api: string, { token, chargeId }: LoadCall): Promise<LoadOutcome> {
  const t0 = Date.now();
  try {
    const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: PAY, variables: { c: chargeId } }) });
    const r = (await res.json()) as { data?: { payCharge?: { id: string; confirmationUrl: string | null } }; errors?: Array<{ extensions?: { code?: string } }> };
    const payment = r.data?.payCharge;
    return { chargeId, paymentId: payment?.id ?? null, url: payment?.confirmationUrl ?? null, code: r.errors?.[0]?.extensions?.code ?? null, ms: Date.now() - t0 };
  } catch {
    return { chargeId, paymentId: null, url: null, code: 'NETWORK', ms: Date.now() - t0 };
  }
}

/** The provider and the callers; `run` fires every call at once and waits for all. */
export async function startLoad() {
  const provider = await startYooKassa({ shopId: 'bench-shop', secretKey: 'bench-secret' });
  return {
    url: provider.url,
    async run(api: string, calls: LoadCall[]): Promise<{ outcomes: LoadOutcome[]; created: number; elapsedMs: number }> {
      const before = provider.paymentsCreated();
      const started = Date.now();
      const outcomes = await Promise.all(calls.map((c) => pay(api, c)));
      return { outcomes, created: provider.paymentsCreated() - before, elapsedMs: Date.now() - started };
    },
    close: () => provider.close(),
  };
}

export type Load = Awaited<ReturnType<typeof startLoad>>;

// Forked by bench/payments.ts: serve the load over IPC.
if (process.send) {
  const load = await startLoad();
  const send = (m: LoadMessage) => process.send?.(m);
  process.on('message', (m: LoadCommand) => {
    if (m.type === 'close') return void load.close().then(() => process.exit(0));
    void load.run(m.api, m.calls).then((r) => send({ type: 'done', ...r }));
  });
  send({ type: 'ready', url: load.url });
}
