/**
 * A small typed client over the generated documents (./generated): HTTP (fetch) for queries and
 * mutations, graphql-ws for subscriptions. It runs in browsers and in Node: it uses the platform's
 * `fetch` and `WebSocket`, and only the `webSocketImpl` you pass (e.g. the `ws` package on Node
 * below 22) otherwise. Integrators can use it as is; our integration tests call the server
 * only through it. The generated documents are TypedDocumentNodes, so Apollo Client, urql and
 * graphql-request take them directly too.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';

/** A typed operation: a generated TypedDocumentNode, or any object whose toString() is the operation's text. */
export type Doc<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

export interface GraphQLResponse<R> {
  status: number;
  data?: R | null;
  errors?: GraphQLFormattedError[];
  headers: Headers;
}

/** An error's message with its extensions.code and, when given, its reason or rule: "Not found [NOT_FOUND]". */
const described = (e: GraphQLFormattedError) => {
  const ext = e.extensions ?? {};
  const tags = [ext.code, ext.reason ?? ext.rule].filter((x) => typeof x === 'string');
  return tags.length ? `${e.message} [${tags.join(': ')}]` : e.message;
};

/** A GraphQL answer that carried errors; `code` is the first error's extensions.code, and the message names each error's code (and reason or rule). */
export class GraphQLRequestError extends Error {
  readonly code: string | undefined;
  constructor(readonly errors: readonly GraphQLFormattedError[], readonly status: number) {
    super(errors.map(described).join('; '));
    this.name = 'GraphQLRequestError';
    const code = errors[0]?.extensions?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
  get extensions(): Record<string, unknown> {
    return this.errors[0]?.extensions ?? {};
  }
}

const printed = new WeakMap<object, string>();

/** The operation's text: a DocumentNode printed (once per document), anything else by its toString(). */
export function queryText(doc: { toString(): string }): string {
  if (!('kind' in doc) || doc.kind !== 'Document') return doc.toString();
  let text = printed.get(doc);
  if (text === undefined) {
    text = print(doc as DocumentNode);
    printed.set(doc, text);
  }
  return text;
}

/** The persisted document id of a generated document (`sha256:<hex>`, a key of persisted-documents.json), if it has one. */
export function documentId(doc: object): string | undefined {
  const meta = (doc as { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === 'string' ? meta.hash : undefined;
}

export interface ClientOptions {
  /** Base URL of the server, e.g. http://localhost:4000 (the client adds /graphql). */
  url: string;
  accessToken?: string | null;
  headers?: Record<string, string>;
  /** A WebSocket constructor for subscriptions where the platform has none (Node < 22: `import WebSocket from 'ws'`). */
  webSocketImpl?: unknown;
  /** A fetch implementation; the platform's by default. */
  fetch?: typeof fetch;
}

export class MfcClient {
  accessToken: string | null;

  constructor(private readonly opts: ClientOptions) {
    this.accessToken = opts.accessToken ?? null;
  }

  withToken(accessToken: string | null): MfcClient {
    return new MfcClient({ ...this.opts, accessToken });
  }

  /** Sends an operation and returns the whole answer (data, errors, HTTP status). */
  async raw<R, V>(doc: Doc<R, V>, variables?: V, headers: Record<string, string> = {}): Promise<GraphQLResponse<R>> {
    const doFetch = this.opts.fetch ?? globalThis.fetch;
    const res = await doFetch(`${this.opts.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...this.opts.headers,
        ...headers,
      },
      body: JSON.stringify({ query: queryText(doc), variables: variables ?? {} }),
    });
    const body = (await res.json()) as { data?: R | null; errors?: GraphQLFormattedError[] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  }

  /** Sends an operation; throws GraphQLRequestError when the answer has errors. */
  async request<R, V>(doc: Doc<R, V>, variables?: V, headers?: Record<string, string>): Promise<R> {
    const r = await this.raw(doc, variables, headers);
    if (r.errors?.length) throw new GraphQLRequestError(r.errors, r.status);
    if (!r.data) throw new GraphQLRequestError([{ message: `empty answer (HTTP ${r.status})` }], r.status);
    return r.data;
  }

  /** A graphql-ws client authenticated with the current access token (connectionParams.authorization). */
  websocket(opts: { retryAttempts?: number; onClose?: (code: number, reason: string) => void } = {}): WsClient {
    const token = this.accessToken;
    return createClient({
      url: `${this.opts.url.replace(/^http/, 'ws')}/graphql`,
      ...(this.opts.webSocketImpl ? { webSocketImpl: this.opts.webSocketImpl } : {}),
      lazy: false,
      // The close is reported through onClose; graphql-ws would also print it to stderr.
      onNonLazyError: () => undefined,
      retryAttempts: opts.retryAttempts ?? 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: {
        closed: (event) => {
          const e = event as { code?: number; reason?: string };
          opts.onClose?.(e.code ?? 0, e.reason ?? '');
        },
      },
    });
  }

  /**
   * Subscribes to a subscription document: an async iterator of its results (ends when the server
   * completes it; `return()` unsubscribes). One socket per call; use `websocket()` to share one.
   */
  subscribe<R, V>(doc: Doc<R, V>, variables?: V): AsyncIterableIterator<{ data?: R | null; errors?: readonly GraphQLFormattedError[] }> & { dispose(): Promise<void> } {
    const ws = this.websocket();
    const it = ws.iterate<R>({ query: queryText(doc), variables: (variables ?? {}) });
    const dispose = async () => {
      await it.return?.();
      await ws.dispose();
    };
    return Object.assign(it as AsyncIterableIterator<{ data?: R | null; errors?: readonly GraphQLFormattedError[] }>, { dispose });
  }
}
