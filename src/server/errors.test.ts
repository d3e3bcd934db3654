import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../shared/logger.js';
import { badField } from '../shared/errors.js';
import { formatError } from './errors.js';

describe('error masking', () => {
  const log = createLogger('silent');

  it('masks unexpected errors, keeping only the request id, and logs the original', () => {
    const spy = vi.spyOn(log, 'error');
    const original = new Error('connection to 10.0.0.5 refused; password=hunter2');
    const wrapped = new GraphQLError(original.message, { originalError: original });
    const out = formatError({ message: original.message }, wrapped, { log, requestId: 'req-1', production: true, hideSchemaDetails: true });
    expect(out).toEqual({ message: expect.stringMatching(/Внутренняя ошибка/), path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } });
    expect(JSON.stringify(out)).not.toContain('10.0.0.5');
    expect(spy).toHaveBeenCalledOnce();
  });

  it('passes expected failures through with their code and fields', () => {
    const e = badField('snils', 'СНИЛС указан с ошибкой');
    const out = formatError({ message: e.message }, new GraphQLError(e.message, { originalError: e }), { log, requestId: 'r', production: true, hideSchemaDetails: true });
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'snils', message: 'СНИЛС указан с ошибкой' }] });
  });
});
