/**
 * The outside probe's transport findings, on HTTP and WebSocket alike, with production settings:
 * no "Did you mean" suggestions, internal errors masked, IDs checked as UUIDs before SQL, and
 * strings with NUL or lone surrogates refused as BAD_USER_INPUT naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { GraphQLFormattedError } from 'graphql';
import type { Doc } from '../../../src/sdk/client.js';
import { registerCitizen } from '../../helpers/accounts.js';
import { useTestApp, type TestApp } from '../../helpers/app.js';

const doc = <R = unknown, V = Record<string, unknown>>(q: string) => ({ toString: () => q }) as Doc<R, V>;

/** The first answer of a subscription over a socket (anonymous unless a client with a token is given). */
async function overSocket(t: TestApp, query: string, variables: Record<string, unknown> = {}, client = t.client): Promise<readonly GraphQLFormattedError[]> {
  const ws = client.websocket();
  try {
    return await new Promise<readonly GraphQLFormattedError[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5000);
      ws.subscribe(
        { query, variables },
        {
          next: (r) => {
            clearTimeout(timer);
            resolve(r.errors ?? []);
          },
          error: (e) => {
            clearTimeout(timer);
            resolve(Array.isArray(e) ? (e as GraphQLFormattedError[]) : [{ message: String(e) }]);
          },
          complete: () => undefined,
        },
      );
    });
  } finally {
    await ws.dispose();
  }
}

const codeAndFields = (errors: readonly GraphQLFormattedError[]) => ({
  code: errors[0]?.extensions?.code,
  fields: (errors[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field),
});

describe('the same error rules on both transports (production)', () => {
  const t = useTestApp({ NODE_ENV: 'production' });

  it('an anonymous socket gets no "Did you mean" suggestions, and the code HTTP gives', async () => {
    const errors = await overSocket(t, 'subscription { branchLoadChange(branchIds: []) { branchId } }');
    expect(errors[0]?.message).toMatch(/Cannot query field/);
    expect(errors[0]?.message).not.toMatch(/Did you mean/);
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const http = await t.client.raw(doc('{ branche(first: 1) { nodes { id } } }'));
    expect(http.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('a malformed id is BAD_USER_INPUT naming the field over the socket, not SQL text', async () => {
    const errors = await overSocket(t, 'subscription { branchLoadChanged(branchIds: ["zz"]) { branchId } }');
    expect(codeAndFields(errors)).toEqual({ code: 'BAD_USER_INPUT', fields: ['branchIds.0'] });
    expect(JSON.stringify(errors)).not.toMatch(/uuid|syntax|select|invalid input/i);
  });

  it('a malformed id is BAD_USER_INPUT over HTTP too, in an argument and inside an input object', async () => {
    const arg = await t.client.raw(doc('{ branch(id: "zz") { id } }'));
    expect(codeAndFields(arg.errors ?? [])).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
    const c = await registerCitizen(t);
    const nested = await c.client.raw(doc('mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }'), {
      input: { branchId: 'not-an-id', serviceId: '00000000-0000-4000-8000-000000000000', startsAt: '2030-01-01T10:00:00Z' },
    });
    expect(codeAndFields(nested.errors ?? [])).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.branchId'] });
  });

  it('a NUL byte anywhere in the input is BAD_USER_INPUT, for anonymous callers too, with no error logged as internal', async () => {
    const search = await t.client.raw(doc('query($code: String) { service(code: $code) { id } }'), { code: 'PASS\u0000PORT' });
    expect(codeAndFields(search.errors ?? [])).toEqual({ code: 'BAD_USER_INPUT', fields: ['code'] });
    const c = await registerCitizen(t);
    const profile = await c.client.raw(doc('mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }'), {
      input: { registrationAddress: 'Москва\u0000, ул. Тверская' },
    });
    expect(codeAndFields(profile.errors ?? [])).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.registrationAddress'] });
  });

  it('a lone surrogate is refused, inside JSON values too', async () => {
    const c = await registerCitizen(t);
    const res = await c.client.raw(doc('mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }'), {
      input: { residentialAddress: 'дом \uD800 1' },
    });
    expect(codeAndFields(res.errors ?? [])).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.residentialAddress'] });
    const draft = await c.client.raw(doc('mutation($input: ApplicationDraftInput!) { createApplicationDraft(input: $input) { id } }'), {
      input: { serviceId: '00000000-0000-4000-8000-000000000000', data: { applicant: { lastName: 'Ив\u0000анов' } } },
    });
    expect(codeAndFields(draft.errors ?? [])).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.data.applicant.lastName'] });
  });

  it('the socket refuses a NUL in a subscription argument the same way', async () => {
    const errors = await overSocket(t, 'subscription($ids: [ID!]!) { branchLoadChanged(branchIds: $ids) { branchId } }', { ids: ['\u0000'] });
    expect(codeAndFields(errors)).toEqual({ code: 'BAD_USER_INPUT', fields: ['branchIds.0'] });
  });
});

describe('query cost counts variables and list sizes', () => {
  const t = useTestApp({ NODE_ENV: 'production' });
  const nested = 'query($n: Int) { branches(first: $n) { nodes { services { branches(first: $n) { nodes { services { id title } } } } } } }';

  it('refuses the probe\'s nested query with first: $n as it refuses the literal, with a clear message and HTTP 400', async () => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: nested, variables: { n: 12 } }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: GraphQLFormattedError[]; data?: unknown };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.message).toMatch(/^Query is too expensive/);
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_EXPENSIVE' });
    const literal = await t.client.raw(doc(nested.replace('query($n: Int)', 'query').replaceAll('$n', '12')));
    expect(literal.errors?.[0]?.extensions?.reason).toBe('QUERY_TOO_EXPENSIVE');
  });

  it('still serves the branch list a dashboard asks for, and a huge first counts only up to the page cap', async () => {
    const list = await t.client.raw(doc('query($n: Int) { branches(first: $n) { nodes { id name services { id title } } } }'), { n: 20 });
    expect(list.errors).toBeUndefined();
    const capped = await t.client.raw(doc('query($n: Int) { services(first: $n) { nodes { id title } } }'), { n: 1_000_000 });
    expect(capped.errors).toBeUndefined();
  });
});

describe('the cost limit over WebSocket', () => {
  const t = useTestApp({ NODE_ENV: 'production', GRAPHQL_MAX_COST: '3' });

  it('refuses a subscription above the limit with the same error', async () => {
    const errors = await overSocket(t, 'subscription { branchLoadChanged { branchId waiting level updatedAt } }');
    expect(errors[0]?.message).toMatch(/^Query is too expensive/);
    expect(errors[0]?.extensions?.reason).toBe('QUERY_TOO_EXPENSIVE');
  });
});
