/**
 * A local HTTP server standing in for the SMS gateway: checks the bearer token, records messages,
 * de-duplicates by `reference` like a real gateway, and can be told to fail.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsMessage {
  to: string;
  text: string;
  reference: string;
  receivedAt: Date;
}

export async function startSmsGateway(opts: { token?: string; delayMs?: number } = {}) {
  const messages: SmsMessage[] = [];
  /** Every accepted request by reference, duplicates included (fault tests measure the duplicate window). */
  const attempts: Array<{ reference: string; at: number }> = [];
  let delayMs = opts.delayMs ?? 0;
  const idsByReference = new Map<string, string>();
  let failure: { status: number; times: number } | null = null;
  const state = { received: 0 };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.received += 1;
      const reply = (status: number, body: unknown) => {
        const send = () => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        // A slow gateway: the message is taken (recorded) at once, the answer comes later.
        if (delayMs > 0) setTimeout(send, delayMs);
        else send();
      };
      if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`) return reply(401, { error: 'unauthorized' });
      if (failure && failure.times > 0) {
        failure.times -= 1;
        const status = failure.status;
        if (failure.times === 0) failure = null;
        return reply(status, { error: 'failure on request' });
      }
      let body: { to?: unknown; text?: unknown; reference?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return reply(400, { error: 'bad json' });
      }
      if (typeof body.to !== 'string' || typeof body.text !== 'string' || typeof body.reference !== 'string') return reply(400, { error: 'to, text and reference are required' });
      attempts.push({ reference: body.reference, at: Date.now() });
      const known = idsByReference.get(body.reference);
      if (known) return reply(200, { id: known, duplicate: true });
      const id = randomUUID();
      idsByReference.set(body.reference, id);
      messages.push({ to: body.to, text: body.text, reference: body.reference, receivedAt: new Date() });
      return reply(202, { id });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/send`,
    messages,
    /** Every request, accepted or not, duplicates included. */
    get received() {
      return state.received;
    },
    attempts,
    /** Answers (after taking the message) only this many milliseconds later. */
    setDelay(ms: number) {
      delayMs = ms;
    },
    /** Fails the next `times` requests with `status` (null: stop failing). */
    setFailure(mode: null | { status: number; times?: number }) {
      failure = mode ? { status: mode.status, times: mode.times ?? Number.POSITIVE_INFINITY } : null;
    },
    async waitFor(predicate: (m: SmsMessage) => boolean, timeoutMs = 5000): Promise<SmsMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = messages.find(predicate);
        if (m) return m;
        if (Date.now() > deadline) throw new Error(`no matching SMS within ${timeoutMs} ms (got ${messages.length})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    lastCode(to: string): string | null {
      const m = [...messages].reverse().find((x) => x.to === to && /\b\d{6}\b/.test(x.text));
      return m?.text.match(/\b(\d{6})\b/)?.[1] ?? null;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
