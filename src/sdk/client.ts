/**
 * A small typed client over the generated documents (src/sdk/generated): HTTP for queries and
 * mutations, graphql-ws for subscriptions. Integrators can use it as is; our integration tests
 * call the server only through it.
 */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { GraphQLFormattedError } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

export type Doc<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

export interface GraphQLResponse<R> {
  status: number;
  data?: R | null;
  errors?: GraphQLFormattedError[];
  headers: Headers;
}

/** A GraphQL answer that carried errors; `code` is the first error's extensions.code. */
export class GraphQLRequestError extends Error {
  readonly code: string | undefined;
  constructor(readonly errors: readonly GraphQLFormattedError[], readonly status: number) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'GraphQLRequestError';
    const code = errors[0]?.extensions?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
  get extensions(): Record<string, unknown> {
    return this.errors[0]?.extensions ?? {};
  }
}

export interface ClientOptions {
  /** Base URL of the server, e.g. http://localhost:4000 */
  url: string;
  accessToken?: string | null;
  headers?: Record<string, string>;
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
    const res = await fetch(`${this.opts.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...this.opts.headers,
        ...headers,
      },
      body: JSON.stringify({ query: doc.toString(), variables: variables ?? {} }),
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

  /** A graphql-ws client authenticated with the current access token. */
  websocket(opts: { retryAttempts?: number; onClose?: (code: number, reason: string) => void } = {}): WsClient {
    const token = this.accessToken;
    return createClient({
      url: `${this.opts.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
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
}
