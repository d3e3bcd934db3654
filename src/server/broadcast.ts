/**
 * Subscriptions thousands of clients share (a branch's live load, the hall's board): a root
 * subscription field marked `@Extensions({ broadcast: true })` resolves to the same answer for
 * every caller with the same selection and variables, so each source event is executed ONCE per
 * distinct selection and serialized ONCE, and every socket writes the shared JSON.
 *
 * How: every subscriber keeps its own source stream (its own filter, its own first "current
 * state" events), but the pubsub hands the same event object to all of them; results are
 * memoized per (event object, selection) in a WeakMap, and the JSON per result. graphql-ws
 * builds each `next` message itself, so onNext answers a tiny marker payload and the socket's
 * `send` splices the shared JSON in place of the marker (one string concatenation per socket).
 * Fields not marked broadcast run exactly as before.
 */
import { createSourceEventStream, execute, getOperationAST, Kind, OperationTypeNode, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { WebSocket } from 'ws';
import { BROADCAST_EXTENSION } from '../shared/graphql/broadcast.js';

/** Whether the operation's (single) root subscription field is marked broadcast. */
export function isBroadcastOperation(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  const op = getOperationAST(document, operationName);
  if (op?.operation !== OperationTypeNode.SUBSCRIPTION) return false;
  const [selection] = op.selectionSet.selections;
  if (op.selectionSet.selections.length !== 1 || selection?.kind !== Kind.FIELD) return false;
  const field = schema.getSubscriptionType()?.getFields()[selection.name.value];
  return field?.extensions[BROADCAST_EXTENSION] === true;
}

/** The subscription's context for one event: the same caller, a memo of its own. */
function withFreshMemo(context: unknown): unknown {
  return typeof context === 'object' && context !== null && 'memo' in context ? { ...context, memo: new Map() } : context;
}

/**
 * graphql-ws's `subscribe`: broadcast operations (registered with `selection`) execute each event
 * once per selection; everything else once per subscriber, each event with a fresh memo.
 */
export class SharedSubscriptions {
  /** Broadcast documents and their number (part of the memo key: one result per selection). */
  private readonly selections = new WeakMap<DocumentNode, number>();
  private documents = 0;
  private readonly results = new WeakMap<object, Map<string, Promise<ExecutionResult> | ExecutionResult>>();
  private readonly json = new WeakMap<object, string>();
  private readonly pending = new WeakMap<WebSocket, Map<number, string>>();
  private readonly shared = new WeakSet<object>();
  private token = 0;

  /** Remembers that this parsed document is a broadcast operation (decided once per document). */
  mark(document: DocumentNode, broadcast: boolean): void {
    if (broadcast) this.selections.set(document, ++this.documents);
  }

  readonly subscribe = async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const documentId = this.selections.get(args.document);
    if (documentId === undefined) {
      const events = await createSourceEventStream(args);
      if (!isAsyncIterable(events)) return events;
      // Each event of a per-caller subscription runs with a fresh memo (dataloaders): an object
      // delivered again is read as it is now, not from the cache of the first event's execution.
      return mapAsyncIterable(events, (event) => execute({ ...args, rootValue: event, contextValue: withFreshMemo(args.contextValue) }));
    }
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const key = `${documentId}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    return mapAsyncIterable(source, (event) => this.resultFor(event, key, args));
  };

  private resultFor(event: unknown, key: string, args: ExecutionArgs): Promise<ExecutionResult> | ExecutionResult {
    if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
    let byKey = this.results.get(event);
    if (!byKey) {
      byKey = new Map();
      this.results.set(event, byKey);
    }
    let result = byKey.get(key);
    if (!result) {
      result = Promise.resolve(execute({ ...args, rootValue: event })).then((r) => {
        this.shared.add(r);
        return r;
      });
      byKey.set(key, result);
    }
    return result;
  }

  /**
   * graphql-ws's onNext for a result without errors: a marker payload the socket replaces with
   * the result's JSON, made once per result. Answers undefined for anything else.
   */
  marker(socket: WebSocket, result: ExecutionResult): { [k: string]: number } | undefined {
    if (result.errors || !this.shared.has(result)) return undefined;
    let json = this.json.get(result);
    if (json === undefined) {
      json = JSON.stringify(result);
      this.json.set(result, json);
    }
    let waiting = this.pending.get(socket);
    if (!waiting) {
      waiting = new Map();
      this.pending.set(socket, waiting);
      patchSend(socket, waiting);
    }
    const token = ++this.token;
    waiting.set(token, json);
    return { [MARKER_KEY]: token };
  }

}

const MARKER_KEY = '\u0000shared';
const MARKER_PREFIX = '{"\\u0000shared":';

/** The socket's send replaces a marker payload with the JSON it stands for. */
function patchSend(socket: WebSocket, waiting: Map<number, string>): void {
  const send = socket.send.bind(socket) as (data: unknown, cb?: (err?: Error) => void) => void;
  (socket as unknown as { send: typeof send }).send = (data, cb) => {
    if (typeof data === 'string' && waiting.size > 0) {
      const at = data.indexOf(MARKER_PREFIX);
      if (at >= 0) {
        const end = data.indexOf('}', at);
        const token = Number(data.slice(at + MARKER_PREFIX.length, end));
        const json = waiting.get(token);
        if (json !== undefined) {
          waiting.delete(token);
          data = data.slice(0, at) + json + data.slice(end + 1);
        }
      }
    }
    send(data, cb);
  };
}

function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  return typeof x === 'object' && x !== null && Symbol.asyncIterator in x;
}

/**
 * Maps an async iterable without an async generator, so `return()` reaches the source at once even
 * while a `next()` waits (an async generator would queue it behind the pending event).
 */
function mapAsyncIterable<T, U>(source: AsyncIterable<T>, map: (value: T) => U | Promise<U>): AsyncGenerator<U, void, void> {
  const it = source[Symbol.asyncIterator]();
  const step = async (r: IteratorResult<T>): Promise<IteratorResult<U, void>> => (r.done ? { value: undefined, done: true } : { value: await map(r.value), done: false });
  const gen: AsyncGenerator<U, void, void> = {
    next: async () => step(await it.next()),
    return: async () => {
      if (typeof it.return === 'function') await it.return();
      return { value: undefined, done: true };
    },
    throw: async (err: unknown) => {
      if (typeof it.return === 'function') await it.return();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return gen;
    },
  };
  return gen;
}
