/**
 * The subscribers of the fan-out bench, in a process of their own (forked by bench/fanout.ts) so
 * that receiving does not compete with the server's event loop. Speaks graphql-transport-ws with
 * plain `ws` sockets (the same cheap client for the API and for the raw broadcast baseline) and
 * reports, per message, the delay since the change's `updatedAt`.
 *
 * Parent → child: { cmd: 'connect', url, mode: 'graphql' | 'raw', count, query }, { cmd: 'stats' }, { cmd: 'close' }.
 * Child → parent: { ready: n } while connecting, { stats } when asked.
 */
import './production.js';
import WebSocket from 'ws';

interface Connect {
  cmd: 'connect';
  url: string;
  mode: 'graphql' | 'raw';
  count: number;
  query?: string;
}

const sockets: WebSocket[] = [];
const latencies: number[] = [];
let received = 0;
let ready = 0;

function onPayload(text: string): void {
  const msg = JSON.parse(text) as { type?: string; payload?: { data?: { branchLoadChanged?: { updatedAt?: string } } } };
  if (msg.type !== 'next') return;
  const at = msg.payload?.data?.branchLoadChanged?.updatedAt;
  received += 1;
  if (at) latencies.push(Date.now() - Date.parse(at));
}

function open(c: Connect): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(c.url, c.mode === 'graphql' ? 'graphql-transport-ws' : undefined);
    sockets.push(ws);
    let first = true;
    ws.on('open', () => {
      if (c.mode === 'raw') {
        ready += 1;
        resolve();
        return;
      }
      ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    });
    ws.on('message', (data: Buffer) => {
      const text = data.toString();
      if (c.mode === 'graphql' && first) {
        const msg = JSON.parse(text) as { type: string };
        if (msg.type === 'connection_ack') {
          // An id of its own, as graphql-ws clients make them (UUIDs): no two sockets share a framed message.
          ws.send(JSON.stringify({ id: `sub-${sockets.length}-${Math.random().toString(36).slice(2)}`, type: 'subscribe', payload: { query: c.query } }));
          return;
        }
        if (msg.type === 'next') {
          // The current state, sent on subscribe: the subscriber is live from here.
          first = false;
          ready += 1;
          resolve();
          return;
        }
      }
      onPayload(text);
    });
    ws.on('error', () => resolve());
    ws.on('close', () => resolve());
  });
}

async function connect(c: Connect): Promise<void> {
  latencies.length = 0;
  received = 0;
  ready = 0;
  const batch = 200;
  for (let i = 0; i < c.count; i += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, c.count - i) }, () => open(c)));
    process.send?.({ ready });
  }
  process.send?.({ ready, done: true });
}

function stats() {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
  return { received, deliveries: sorted.length, p50: pct(50), p99: pct(99), max: sorted.at(-1) ?? NaN };
}

process.on('message', (m: Connect | { cmd: 'stats' | 'close' }) => {
  if (m.cmd === 'connect') void connect(m);
  else if (m.cmd === 'stats') process.send?.({ stats: stats() });
  else {
    for (const s of sockets) s.terminate();
    sockets.length = 0;
    process.send?.({ closed: true });
  }
});
