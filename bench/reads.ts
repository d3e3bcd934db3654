/**
 * The hot reads (`me`, the service search, the branch list), each next to a plain graphql-js HTTP
 * server answering the SAME query text over the same data held in memory (read from the API once
 * at start), in interleaved rounds of the same length. The load generator runs in a worker thread
 * (bench/load-worker.ts), so it does not share the servers' event loop.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import type { LoadRequest, LoadResult } from './load-worker.js';

export const QUERIES = {
  branches: '{ branches(filter: { regionCode: "77" }, first: 20) { nodes { id name address openNow load { waiting averageWaitMinutes level } services { id title } } } }',
  me: '{ me { id firstName lastName trustLevel } }',
  search: '{ services(filter: { search: "паспорт" }) { nodes { id title } } }',
};

export interface Figures extends LoadResult {
  name: string;
}

/** One autocannon run in a worker thread (bench/load-worker.ts): exact p50/p99 and autocannon's whole-millisecond ones. */
export async function load(name: string, opts: LoadRequest): Promise<Figures> {
  const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: opts });
  try {
    const r = await new Promise<LoadResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`load worker exited with ${code}`)));
    });
    return { name, ...r };
  } finally {
    await worker.terminate();
  }
}

interface Data {
  branches: Array<{ id: string; name: string; address: string; openNow: boolean; load: { waiting: number; averageWaitMinutes: number; level: string }; services: Array<{ id: string; title: string }> }>;
  me: { id: string; firstName: string; lastName: string; trustLevel: string };
  services: Array<{ id: string; title: string }>;
}

const SDL = `
  type Query { me: User, branches(filter: BranchFilter, first: Int): BranchConnection!, services(filter: ServiceFilter, first: Int): ServiceConnection! }
  input BranchFilter { regionCode: String }
  input ServiceFilter { search: String }
  type User { id: ID!, firstName: String!, lastName: String!, trustLevel: String! }
  type BranchConnection { nodes: [Branch!]! }
  type Branch { id: ID!, name: String!, address: String!, openNow: Boolean!, load: Load!, services: [Service!]! }
  type Load { waiting: Int!, averageWaitMinutes: Int!, level: String! }
  type ServiceConnection { nodes: [Service!]! }
  type Service { id: ID!, title: String! }
`;

/** graphql-js over in-memory data of the same shape: the peer a GraphQL server is measured against. */
export async function inMemoryServer(data: Data, token: string): Promise<{ url: string; close(): Promise<void> }> {
  const schema: GraphQLSchema = buildSchema(SDL);
  const users = new Map([[`Bearer ${token}`, data.me]]);
  const rootValue = {
    me: (_: unknown, ctx: { auth?: string }) => users.get(ctx.auth ?? '') ?? null,
    branches: ({ first }: { first?: number }) => ({ nodes: data.branches.slice(0, first ?? 20) }),
    services: ({ filter }: { filter?: { search?: string } }) => {
      const term = (filter?.search ?? '').toLowerCase();
      return { nodes: data.services.filter((s) => s.title.toLowerCase().includes(term)) };
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string; variables?: Record<string, unknown> };
      void graphql({ schema, source: query, rootValue, contextValue: { auth: req.headers.authorization }, variableValues: variables }).then((result) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => new Promise((r) => server.close(() => r())) };
}

/** The same data the API serves, read once through it. */
export async function readData(api: string, token: string): Promise<Data> {
  const post = async <T>(query: string, auth?: string): Promise<T> => {
    const res = await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const b = await post<{ branches: { nodes: Data['branches'] } }>(QUERIES.branches);
  const m = await post<{ me: Data['me'] }>(QUERIES.me, token);
  const s = await post<{ services: { nodes: Data['services'] } }>('{ services(first: 100) { nodes { id title } } }');
  return { branches: b.branches.nodes, me: m.me, services: s.services.nodes };
}

/** Rounds of `seconds`, alternating the two servers, averaged: neither gets the quieter moment. */
export async function sideBySide(o: { name: string; api: string; baseline: string; body: string; headers?: Record<string, string>; connections: number; seconds: number; rounds: number }) {
  const ours: Figures[] = [];
  const theirs: Figures[] = [];
  for (let i = 0; i < o.rounds; i++) {
    theirs.push(await load(o.name, { url: o.baseline, body: o.body, headers: o.headers, connections: o.connections, seconds: o.seconds }));
    ours.push(await load(o.name, { url: o.api, body: o.body, headers: o.headers, connections: o.connections, seconds: o.seconds }));
  }
  return { ours: mean(ours), baseline: mean(theirs) };
}

function mean(xs: Figures[]): Figures {
  const avg = (f: (x: Figures) => number) => xs.reduce((s, x) => s + f(x), 0) / Math.max(1, xs.length);
  return { name: xs[0]?.name ?? '', rps: avg((x) => x.rps), p50: avg((x) => x.p50), p99: avg((x) => x.p99), p50ms: avg((x) => x.p50ms), p99ms: avg((x) => x.p99ms), errors: xs.reduce((s, x) => s + x.errors, 0), bytes: avg((x) => x.bytes) };
}
