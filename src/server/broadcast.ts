/**
 * Subscriptions thousands of clients share (a branch's live load, the hall's board): a root
 * subscription field marked `@Broadcast()` answers the same for every caller with the same
 * selection and arguments. Its source is a sharedLive feed (src/shared/pubsub.ts): each
 * subscriber's current state, then live events. Here every subscriber of one selection and
 * arguments joins one Group (src/server/broadcast-groups.ts) with ONE live feed: each event is
 * executed once, serialized once, and the JSON written to every member's socket framed with its
 * subscription id; no per-subscriber stream, promise chain or serialization per event.
 * Fields not marked broadcast run as graphql-js runs them, each event with a fresh memo and `now`.
 */
import { createSourceEventStream, execute, getOperationAST, Kind, OperationTypeNode, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { WebSocket } from 'ws';
import { BROADCAST_EXTENSION } from '../shared/graphql/broadcast.js';
import { liveParts } from '../shared/pubsub.js';
import { Group, type Render, type Target } from './broadcast-groups.js';

/** Whether the operation's (single) root subscription field is marked broadcast. */
export function isBroadcastOperation(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  const op = getOperationAST(document, operationName);
  if (op?.operation !== OperationTypeNode.SUBSCRIPTION) return false;
  const [selection] = op.selectionSet.selections;
  if (op.selectionSet.selections.length !== 1 || selection?.kind !== Kind.FIELD) return false;
  const field = schema.getSubscriptionType()?.getFields()[selection.name.value];
  return field?.extensions[BROADCAST_EXTENSION] === true;
}

/**
 * The subscription's context for one event: the same caller, a memo of its own and the moment of
 * the event (a subscription lives for hours: a wait estimate, an "open now" or a "can cancel" read
 * for an event is of now, not of when the client subscribed).
 */
function forEvent(context: unknown, now: () => Date): unknown {
  return typeof context === 'object' && context !== null && 'memo' in context ? { ...context, memo: new Map(), ...('now' in context && { now: now() }) } : context;
}

export interface SharedOptions {
  /** Errors inside a result as the transport sends them (masked like HTTP's), for a subscription id. */
  formatErrors: (errors: readonly GraphQLError[], id: string) => unknown[];
  /** A live feed that failed: logged; its subscribers are completed. */
  failed: (err: unknown) => void;
  /** WS_MAX_BUFFERED_BYTES: a socket with more waiting to be sent is closed as too slow. */
  maxBuffered: number;
  /** The application's clock: each event is executed with `now` of its own. */
  now: () => Date;
}

/**
 * graphql-ws's `subscribe`: broadcast operations (registered with `mark`, their socket with
 * `target`) join the group of their selection and arguments; everything else runs once per
 * subscriber, each event with a fresh memo.
 */
export class SharedSubscriptions {
  /** Broadcast documents and their number (part of the group key: one execution per selection). */
  private readonly selections = new WeakMap<DocumentNode, number>();
  private documents = 0;
  private readonly targets = new WeakMap<ExecutionArgs, Target>();
  private readonly groups = new Map<string, Group>();

  constructor(private readonly options: SharedOptions) {}

  /** Remembers that this parsed document is a broadcast operation (decided once per document). */
  mark(document: DocumentNode, broadcast: boolean): void {
    if (broadcast && !this.selections.has(document)) this.selections.set(document, ++this.documents);
  }

  /** Where the messages of the subscription started with these arguments go. */
  target(args: ExecutionArgs, socket: WebSocket, id: string): void {
    this.targets.set(args, { socket, id, maxBuffered: this.options.maxBuffered });
  }

  /** Live groups (subscribers sharing one selection and arguments), for tests and metrics. */
  get groupCount(): number {
    return this.groups.size;
  }

  readonly subscribe = async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const documentId = this.selections.get(args.document);
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const parts = documentId === undefined ? undefined : liveParts(source);
    const target = this.targets.get(args);
    if (!parts || !target) {
      // Each event of a per-caller subscription runs with a fresh memo (dataloaders) and `now`: an
      // object delivered again is read as it is now, not from the cache of the first event's execution.
      return mapAsyncIterable(source, (event) => execute({ ...args, rootValue: event, contextValue: forEvent(args.contextValue, this.options.now) }));
    }
    const key = `${documentId}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    let group = this.groups.get(key);
    if (!group) {
      // The group renders with its first subscriber's arguments: a broadcast answer depends on no caller.
      const created: Group = new Group(parts.live(), this.renderer(args, target.id), (g) => this.groups.get(key) === g && this.groups.delete(key), this.options.failed);
      this.groups.set(key, created);
      group = created;
    }
    const member = group.join(target);
    void member.start(parts.current, this.renderer(args, target.id));
    return member.stream;
  };

  /** Executes an event with these arguments and answers the result's JSON, errors formatted. */
  private renderer(args: ExecutionArgs, id: string): Render {
    return async (event) => {
      const result = await execute({ ...args, rootValue: event, contextValue: forEvent(args.contextValue, this.options.now) });
      return JSON.stringify(result.errors ? { ...result, errors: this.options.formatErrors(result.errors, id) } : result);
    };
  }
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
