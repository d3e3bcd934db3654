import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { BROADCAST_EXTENSION } from '../shared/graphql/broadcast.js';
import { isBroadcastOperation, SharedSubscriptions } from './broadcast.js';

/** A source every subscriber shares, as the Redis pubsub does: the same event object for all. */
function sharedSource() {
  const listeners = new Set<(e: object) => void>();
  return {
    publish: (e: object) => listeners.forEach((l) => l(e)),
    subscribe(): AsyncIterableIterator<object> {
      const queue: object[] = [];
      let wake: (() => void) | null = null;
      const listener = (e: object) => {
        queue.push(e);
        wake?.();
      };
      listeners.add(listener);
      const it: AsyncIterableIterator<object> = {
        async next() {
          while (queue.length === 0) await new Promise<void>((r) => (wake = r));
          return { value: queue.shift() as object, done: false };
        },
        return: () => {
          listeners.delete(listener);
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

function schemaWith(source: ReturnType<typeof sharedSource>, executions: { n: number }) {
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      n: { type: GraphQLInt, resolve: (e: { n: number }) => ((executions.n += 1), e.n) },
      label: { type: GraphQLString, resolve: (e: { n: number }) => `#${e.n}` },
    },
  });
  const field = { type: Tick, subscribe: () => source.subscribe(), resolve: (e: unknown) => e };
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { x: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { ticks: { ...field, extensions: { [BROADCAST_EXTENSION]: true } }, privateTicks: field },
    }),
  });
}

async function subscribeTo(shared: SharedSubscriptions, schema: GraphQLSchema, query: string) {
  const document = parse(query);
  shared.mark(document, isBroadcastOperation(schema, document));
  const stream = (await shared.subscribe({ schema, document, contextValue: {} })) as AsyncGenerator<ExecutionResult>;
  return { document, stream };
}

describe('SharedSubscriptions (one execution and one serialization per event and selection)', () => {
  it('executes a broadcast event once for every subscriber with the same selection', async () => {
    const source = sharedSource();
    const executions = { n: 0 };
    const schema = schemaWith(source, executions);
    const shared = new SharedSubscriptions();
    const doc = parse('subscription { ticks { n } }');
    shared.mark(doc, isBroadcastOperation(schema, doc));
    const streams = await Promise.all([1, 2, 3].map(async () => (await shared.subscribe({ schema, document: doc, contextValue: {} })) as AsyncGenerator<ExecutionResult>));
    const other = await subscribeTo(shared, schema, 'subscription { ticks { n label } }');
    const pending = [...streams, other.stream].map((s) => s.next());
    source.publish({ n: 7 });
    const [a, b, c, d] = (await Promise.all(pending)).map((r) => r.value as ExecutionResult);
    expect(a).toEqual({ data: { ticks: { n: 7 } } });
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(d).toEqual({ data: { ticks: { n: 7, label: '#7' } } });
    expect(executions.n).toBe(2); // one per distinct selection, not one per subscriber
    for (const s of [...streams, other.stream]) await s.return(undefined);
    expect(source.count).toBe(0);
  });

  it('runs a field not marked broadcast once per subscriber, as graphql-js does', async () => {
    const source = sharedSource();
    const executions = { n: 0 };
    const schema = schemaWith(source, executions);
    const shared = new SharedSubscriptions();
    const one = await subscribeTo(shared, schema, 'subscription { privateTicks { n } }');
    const two = await subscribeTo(shared, schema, 'subscription { privateTicks { n } }');
    const pending = [one.stream.next(), two.stream.next()];
    source.publish({ n: 1 });
    await Promise.all(pending);
    expect(executions.n).toBe(2);
    await one.stream.return(undefined);
    await two.stream.return(undefined);
  });

  it('ends the source at once when a waiting subscriber unsubscribes', async () => {
    const source = sharedSource();
    const schema = schemaWith(source, { n: 0 });
    const shared = new SharedSubscriptions();
    const { stream } = await subscribeTo(shared, schema, 'subscription { ticks { n } }');
    void stream.next();
    expect(source.count).toBe(1);
    await stream.return(undefined);
    expect(source.count).toBe(0);
  });

  it('writes the shared JSON in place of the marker on each socket', async () => {
    const source = sharedSource();
    const schema = schemaWith(source, { n: 0 });
    const shared = new SharedSubscriptions();
    const { stream } = await subscribeTo(shared, schema, 'subscription { ticks { n } }');
    const next = stream.next();
    source.publish({ n: 3 });
    const result = (await next).value as ExecutionResult;
    const sent: string[] = [];
    const socket = { send: (data: string) => sent.push(data) } as unknown as WebSocket;
    const marker = shared.marker(socket, result);
    expect(marker).toBeDefined();
    socket.send(JSON.stringify({ id: 'a1', type: 'next', payload: marker }));
    expect(JSON.parse(sent[0] ?? '')).toEqual({ id: 'a1', type: 'next', payload: { data: { ticks: { n: 3 } } } });
    // A result with errors, or one not made by a broadcast execution, is sent as graphql-ws makes it.
    expect(shared.marker(socket, { data: null, errors: [] })).toBeUndefined();
    expect(shared.marker(socket, { data: { ticks: { n: 3 } } })).toBeUndefined();
    await stream.return(undefined);
  });
});
