import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { BROADCAST_EXTENSION } from '../shared/graphql/broadcast.js';
import { sharedLive } from '../shared/pubsub.js';
import { isBroadcastOperation, SharedSubscriptions } from './broadcast.js';

/** A source every subscriber shares, as the Redis pubsub does: the same event object for all. */
function sharedSource() {
  const listeners = new Map<(e: object) => void, () => void>();
  return {
    publish: (e: object) => [...listeners.keys()].forEach((l) => l(e)),
    endAll: () => [...listeners.values()].forEach((end) => end()),
    subscribe(): AsyncIterableIterator<object> {
      const queue: object[] = [];
      let done = false;
      let wake: (() => void) | null = null;
      const listener = (e: object) => {
        queue.push(e);
        wake?.();
      };
      const end = () => {
        done = true;
        listeners.delete(listener);
        wake?.();
      };
      listeners.set(listener, end);
      const it: AsyncIterableIterator<object> = {
        async next() {
          while (queue.length === 0 && !done) await new Promise<void>((r) => (wake = r));
          const value = queue.shift();
          return value ? { value, done: false } : { value: undefined, done: true };
        },
        return: () => {
          end();
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]: () => it,
      };
      return it;
    },
    get count() {
      return listeners.size;
    },
  };
}

function schemaWith(source: ReturnType<typeof sharedSource>, executions: { n: number }, current: () => Promise<object[]> = () => Promise.resolve([])) {
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      n: { type: GraphQLInt, resolve: (e: { n: number }) => ((executions.n += 1), e.n) },
      label: { type: GraphQLString, resolve: (e: { n: number }) => `#${e.n}` },
      broken: { type: GraphQLString, resolve: () => { throw new Error('secret detail'); } },
    },
  });
  const resolve = (e: unknown) => e;
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { x: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        ticks: { type: Tick, resolve, subscribe: () => sharedLive({ current, live: () => source.subscribe() }), extensions: { [BROADCAST_EXTENSION]: true } },
        privateTicks: { type: Tick, resolve, subscribe: () => source.subscribe() },
        clockTicks: { type: GraphQLString, resolve: (_e: unknown, _a: unknown, ctx: { now: Date }) => ctx.now.toISOString(), subscribe: () => source.subscribe() },
      },
    }),
  });
}

function fakeSocket() {
  const sent: Array<{ id: string; type: string; payload: unknown }> = [];
  const closed: number[] = [];
  const socket = {
    readyState: 1,
    bufferedAmount: 0,
    send: (data: string | Buffer, opts?: { binary?: boolean }) => {
      if (typeof data !== 'string' && opts?.binary !== false) throw new Error('a binary frame');
      sent.push(JSON.parse(data.toString()) as { id: string; type: string; payload: unknown });
    },
    close: (code: number) => closed.push(code),
  };
  return { socket: socket as unknown as WebSocket, raw: socket, sent, closed };
}

let clock = new Date('2026-12-04T09:00:00Z');
const options = { formatErrors: (errors: readonly GraphQLError[]) => errors.map(() => ({ message: 'masked' })), failed: () => undefined, maxBuffered: 1000, now: () => clock };
const tick = () => new Promise((r) => setTimeout(r, 5));

/** Parsed once per text, as the transport's document cache does (src/server/websocket.ts). */
const parsed = new Map<string, DocumentNode>();

async function subscribeTo(shared: SharedSubscriptions, schema: GraphQLSchema, query: string, id = 'a') {
  const document = parsed.get(query) ?? parse(query);
  parsed.set(query, document);
  shared.mark(document, isBroadcastOperation(schema, document));
  const { socket, raw, sent, closed } = fakeSocket();
  const args = { schema, document, contextValue: { memo: new Map(), now: clock } };
  shared.target(args, socket, id);
  const stream = (await shared.subscribe(args)) as AsyncGenerator<ExecutionResult>;
  return { stream, sent, closed, socket: raw };
}

describe('SharedSubscriptions (one feed, one execution and one serialization per event and selection)', () => {
  it('executes a broadcast event once per selection and writes it to every socket with its own id', async () => {
    const source = sharedSource();
    const executions = { n: 0 };
    const schema = schemaWith(source, executions);
    const shared = new SharedSubscriptions(options);
    const same = await Promise.all(['a', 'b', 'c'].map((id) => subscribeTo(shared, schema, 'subscription { ticks { n } }', id)));
    const other = await subscribeTo(shared, schema, 'subscription { ticks { n label } }', 'd');
    expect([shared.groupCount, source.count]).toEqual([2, 2]); // one live feed per selection, not per subscriber
    source.publish({ n: 7 });
    await tick();
    for (const [i, s] of same.entries()) expect(s.sent).toEqual([{ id: ['a', 'b', 'c'][i], type: 'next', payload: { data: { ticks: { n: 7 } } } }]);
    expect(other.sent).toEqual([{ id: 'd', type: 'next', payload: { data: { ticks: { n: 7, label: '#7' } } } }]);
    expect(executions.n).toBe(2);
    await same[0]?.stream.return(undefined);
    expect(source.count).toBe(2); // the others still listen
    for (const s of [...same.slice(1), other]) await s.stream.return(undefined);
    expect([shared.groupCount, source.count]).toEqual([0, 0]);
  });

  it('writes a subscriber\'s current state first, then what happened meanwhile, in order', async () => {
    const source = sharedSource();
    let release: (v: object[]) => void = () => undefined;
    const schema = schemaWith(source, { n: 0 }, () => new Promise((r) => (release = r)));
    const shared = new SharedSubscriptions(options);
    const sub = await subscribeTo(shared, schema, 'subscription { ticks { n } }');
    source.publish({ n: 2 });
    await tick();
    expect(sub.sent).toEqual([]);
    release([{ n: 1 }]);
    source.publish({ n: 3 });
    await tick();
    expect(sub.sent.map((m) => (m.payload as { data: { ticks: { n: number } } }).data.ticks.n)).toEqual([1, 2, 3]);
    await sub.stream.return(undefined);
  });

  it('masks errors inside a result with the transport\'s formatting', async () => {
    const source = sharedSource();
    const shared = new SharedSubscriptions(options);
    const sub = await subscribeTo(shared, schemaWith(source, { n: 0 }), 'subscription { ticks { n broken } }');
    source.publish({ n: 1 });
    await tick();
    expect(sub.sent[0]?.payload).toEqual({ data: { ticks: { n: 1, broken: null } }, errors: [{ message: 'masked' }] });
    await sub.stream.return(undefined);
  });

  it('closes a socket that cannot keep up (1013) instead of queueing without end; the others still get the event', async () => {
    const source = sharedSource();
    const shared = new SharedSubscriptions(options);
    const schema = schemaWith(source, { n: 0 });
    const slow = await subscribeTo(shared, schema, 'subscription { ticks { n } }', 's');
    const fast = await subscribeTo(shared, schema, 'subscription { ticks { n } }', 'f');
    slow.socket.bufferedAmount = 5000;
    source.publish({ n: 1 });
    await tick();
    expect([slow.sent, slow.closed]).toEqual([[], [1013]]);
    expect(fast.sent).toHaveLength(1);
    for (const s of [slow, fast]) await s.stream.return(undefined);
  });

  it('completes every subscriber when the live feed ends, and a new subscriber starts a new feed', async () => {
    const source = sharedSource();
    const schema = schemaWith(source, { n: 0 });
    const shared = new SharedSubscriptions(options);
    const sub = await subscribeTo(shared, schema, 'subscription { ticks { n } }');
    const next = sub.stream.next();
    source.endAll();
    expect(await next).toEqual({ value: undefined, done: true });
    expect(shared.groupCount).toBe(0);
    const again = await subscribeTo(shared, schema, 'subscription { ticks { n } }');
    expect(source.count).toBe(1);
    await again.stream.return(undefined);
  });

  it('runs a field not marked broadcast once per subscriber, as graphql-js does', async () => {
    const source = sharedSource();
    const executions = { n: 0 };
    const schema = schemaWith(source, executions);
    const shared = new SharedSubscriptions(options);
    const one = await subscribeTo(shared, schema, 'subscription { privateTicks { n } }');
    const two = await subscribeTo(shared, schema, 'subscription { privateTicks { n } }');
    const pending = [one.stream.next(), two.stream.next()];
    source.publish({ n: 1 });
    expect((await Promise.all(pending)).map((r) => r.value as ExecutionResult)).toEqual([{ data: { privateTicks: { n: 1 } } }, { data: { privateTicks: { n: 1 } } }]);
    expect(executions.n).toBe(2);
    await one.stream.return(undefined);
    await two.stream.return(undefined);
    expect(source.count).toBe(0);
  });

  it('executes each event of a subscription at the moment of the event, not of the subscription', async () => {
    const source = sharedSource();
    const schema = schemaWith(source, { n: 0 });
    const shared = new SharedSubscriptions(options);
    clock = new Date('2026-12-04T09:00:00Z');
    const sub = await subscribeTo(shared, schema, 'subscription { clockTicks }');
    clock = new Date('2026-12-04T12:30:00Z');
    const next = sub.stream.next();
    source.publish({ n: 1 });
    expect((await next).value).toEqual({ data: { clockTicks: '2026-12-04T12:30:00.000Z' } });
    await sub.stream.return(undefined);
  });
});
