/** Subscribing through the SDK's WebSocket client and reading events as a dashboard would. */
import type { ExecutionResult } from 'graphql';
import { queryText, type Doc, type MfcClient } from '../../src/sdk/client.js';

export interface Subscribed<R> {
  events: R[];
  /** Resolves with the first event (from index `from`) that matches. */
  next(match?: (e: R) => boolean, timeoutMs?: number, from?: number): Promise<R>;
  dispose(): Promise<void>;
}

export async function subscribe<R, V>(client: MfcClient, doc: Doc<R, V>, variables?: V): Promise<Subscribed<R>> {
  const ws = client.websocket();
  const events: R[] = [];
  const errors: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.on('connected', () => resolve());
    ws.on('closed', (e) => reject(new Error(`socket closed: ${JSON.stringify(e)}`)));
  });
  const unsubscribe = ws.subscribe<R>(
    { query: queryText(doc), variables: (variables ?? {}) },
    {
      next: (r: ExecutionResult<R>) => {
        if (r.errors) errors.push(r.errors);
        else if (r.data) events.push(r.data);
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  return {
    events,
    async next(match = () => true, timeoutMs = 5000, from = 0) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find(match);
        if (found) return found;
        if (errors.length > 0) throw new Error(`subscription error: ${JSON.stringify(errors[0])}`);
        if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms (got ${events.length})`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async dispose() {
      unsubscribe();
      await ws.dispose();
    },
  };
}
