/**
 * POST /graphql, nearly every request the API gets, without express's router: the same handlers
 * in the same order (CORS, the request log, the JSON body, the caller, trusted documents, Apollo)
 * run one after another on the request dressed as express dresses it (its request and response
 * methods), and Apollo's answer is written straight to the response. Measured on `me`, express's
 * router walk, its `res.send` (a hash of every body for an ETag no POST uses) and the generic
 * integration's URL parsing were about a tenth of a request's CPU. Every other method and path,
 * GET /graphql included, goes through express as before (src/server/http.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { GraphQLContext } from '../shared/graphql/context.js';

export function isGraphQLPost(req: IncomingMessage): boolean {
  return req.method === 'POST' && (req.url === '/graphql' || (req.url?.startsWith('/graphql?') ?? false));
}

/**
 * Runs connect-style handlers in order on a request given express's methods (what express's
 * app.handle does before routing); an error goes to `onError`, a request nobody answered to
 * `unanswered`.
 */
export function directChain(app: Express, handlers: readonly RequestHandler[], onError: ErrorRequestHandler, unanswered: RequestHandler) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const req = request as Request;
    const res = response as Response;
    req.res = res;
    res.req = req;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    res.locals ??= Object.create(null) as Response['locals'];
    req.originalUrl ??= req.url;
    let at = 0;
    const next: NextFunction = (err?: unknown) => {
      if (err !== undefined && err !== 'route' && err !== 'router') {
        run(() => onError(err, req, res, () => undefined));
        return;
      }
      const handler = handlers[at++] ?? unanswered;
      run(() => handler(req, res, next));
    };
    // A handler that throws, or whose promise rejects, passes its error on, as express does.
    const run = (call: () => unknown) => {
      try {
        const out = call();
        if (out instanceof Promise) out.catch((e: unknown) => next(e ?? new Error('rejected')));
      } catch (e) {
        next(e ?? new Error('thrown'));
      }
    };
    req.next = next;
    next();
  };
}

/** Apollo for a parsed POST body: its answer written as it is (status, headers, body), no ETag. */
export function apolloPost(apollo: ApolloServer<GraphQLContext>, context: (req: Request, res: Response) => Promise<GraphQLContext>): RequestHandler {
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const query = req.url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: query >= 0 ? req.url.slice(query) : '', body: req.body as unknown },
      context: () => context(req, res),
    });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
