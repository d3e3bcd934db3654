/**
 * The clients of the booking benches, in a worker thread of their own (started by
 * bench/contention.ts) so that sending and parsing do not compete with the server's event loop, as
 * autocannon's workers do for bench/reads.ts. Each signed-in citizen is one keep-alive connection,
 * as a mobile app (or the balancer in front of the instances) holds one: opened by `warm`, then
 * every burst sends one request per citizen at once, citizen i to instance i mod n.
 *
 * Parent → worker: { id, query, variables: one object per citizen }. Worker → parent: { id, outcomes }.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface Outcome {
  ok: boolean;
  code?: string;
  ms: number;
}

interface Burst {
  id: number;
  query: string;
  variables: Array<Record<string, unknown>>;
}

const { apis, tokens } = workerData as { apis: string[]; tokens: string[] };
const urls = apis.map((a) => new URL(a));
const agent = new http.Agent({ keepAlive: true, maxSockets: tokens.length, maxFreeSockets: tokens.length });

function post(query: string, variables: Record<string, unknown>, token: string, url: URL): Promise<Outcome> {
  const t0 = performance.now();
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = Math.round(performance.now() - t0);
          try {
            const r = JSON.parse(Buffer.concat(chunks).toString()) as { errors?: Array<{ extensions?: { code?: string } }> };
            resolve({ ok: !r.errors, code: r.errors?.[0]?.extensions?.code, ms });
          } catch {
            resolve({ ok: false, code: `HTTP_${res.statusCode ?? 0}`, ms });
          }
        });
      },
    );
    req.on('error', (e) => resolve({ ok: false, code: e.message, ms: performance.now() - t0 }));
    req.end(body);
  });
}

parentPort?.on('message', (m: Burst) => {
  void Promise.all(tokens.map((token, i) => post(m.query, m.variables[i] ?? {}, token, urls[i % urls.length] as URL))).then((outcomes) => parentPort?.postMessage({ id: m.id, outcomes }));
});
