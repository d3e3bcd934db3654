// A program outside the repository that uses the packed @mfc/account-sdk the way an integrator
// would: with the SDK's own client, with Apollo Client 4 and with urql 6. Each logs in, runs a
// query and receives the first event of a subscription, then prints one JSON line of results.
// Env: API_URL, LOGIN, PASSWORD, BRANCH_ID.
import WebSocket from 'ws';
import { createClient as createWsClient } from 'graphql-ws';
import { MfcClient, LoginDocument, MeDocument, BranchLoadChangedDocument, documentId } from '@mfc/account-sdk';
import manifest from '@mfc/account-sdk/persisted-documents.json' with { type: 'json' };
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Client as UrqlClient, fetchExchange, subscriptionExchange } from '@urql/core';

const { API_URL: url, LOGIN: login, PASSWORD: password, BRANCH_ID: branchId } = process.env;
const wsUrl = `${url.replace(/^http/, 'ws')}/graphql`;
const withTimeout = (p, what) => Promise.race([p, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in 10 s`)), 10_000))]);

async function sdk() {
  const anonymous = new MfcClient({ url, webSocketImpl: WebSocket });
  const { login: auth } = await anonymous.request(LoginDocument, { input: { login, password } });
  const client = anonymous.withToken(auth.accessToken);
  const { me } = await client.request(MeDocument);
  const events = client.subscribe(BranchLoadChangedDocument, { branchIds: [branchId] });
  const first = await withTimeout(events.next(), 'sdk subscription');
  await events.dispose();
  return { typename: auth.__typename, phone: me?.phone, load: first.value?.data?.branchLoadChanged?.branchId, persisted: documentId(MeDocument) in manifest };
}

async function apollo() {
  const anonymous = new ApolloClient({ link: new HttpLink({ uri: `${url}/graphql` }), cache: new InMemoryCache() });
  const { data } = await anonymous.mutate({ mutation: LoginDocument, variables: { input: { login, password } } });
  const token = data.login.accessToken;
  const ws = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
  const link = ApolloLink.split(
    ({ query }) => {
      const def = getMainDefinition(query);
      return def.kind === 'OperationDefinition' && def.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    new HttpLink({ uri: `${url}/graphql`, headers: { authorization: `Bearer ${token}` } }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const me = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
  const load = await withTimeout(
    new Promise((resolve, reject) => {
      const sub = client.subscribe({ query: BranchLoadChangedDocument, variables: { branchIds: [branchId] } }).subscribe({
        next: (r) => {
          sub.unsubscribe();
          resolve(r.data?.branchLoadChanged?.branchId);
        },
        error: reject,
      });
    }),
    'apollo subscription',
  );
  await ws.dispose();
  client.stop();
  return { typename: data.login.__typename, phone: me.data?.me?.phone, load };
}

async function urql() {
  // urql sends queries as GET when they fit in a URL: Apollo Server's CSRF prevention wants a
  // preflight-forcing header on those, so every request carries apollo-require-preflight.
  const headers = { 'apollo-require-preflight': 'true' };
  const anonymous = new UrqlClient({ url: `${url}/graphql`, exchanges: [fetchExchange], fetchOptions: { headers } });
  const auth = await anonymous.mutation(LoginDocument, { input: { login, password } }).toPromise();
  if (auth.error) throw auth.error;
  const token = auth.data.login.accessToken;
  const ws = createWsClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
  const client = new UrqlClient({
    url: `${url}/graphql`,
    fetchOptions: () => ({ headers: { ...headers, authorization: `Bearer ${token}` } }),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  const me = await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
  if (me.error) throw me.error;
  const load = await withTimeout(
    new Promise((resolve) => {
      const { unsubscribe } = client.subscription(BranchLoadChangedDocument, { branchIds: [branchId] }).subscribe((r) => {
        unsubscribe();
        resolve(r.error ? `error: ${r.error.message}` : r.data?.branchLoadChanged?.branchId);
      });
    }),
    'urql subscription',
  );
  await ws.dispose();
  return { typename: auth.data.login.__typename, phone: me.data?.me?.phone, load, method: me.operation.context.preferGetMethod ?? 'default' };
}

const out = {};
for (const [name, run] of Object.entries({ sdk, apollo, urql })) {
  try {
    out[name] = await run();
  } catch (err) {
    out[name] = { error: String(err?.stack ?? err) };
  }
}
console.log(JSON.stringify(out));
process.exit(0);
