/**
 * The schema is an artifact: the committed schema/schema.graphql is what the code emits, it keeps
 * the client contract (nothing incompatible; what is not built yet is listed in
 * schema/contract-pending.txt, and nothing built stays listed), and the generated SDK is current.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { createSchema } from '../src/server/schema.js';
import { checkContract, readFiles, readPending } from '../scripts/contract.js';
import codegenConfig from '../codegen.js';

describe('schema artifact', () => {
  it('schema/schema.graphql is what the code emits (run `npm run schema` after changing resolvers)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'schema-')), 'schema.graphql');
    await createSchema({ emitSchemaFile: out });
    expect(readFileSync('schema/schema.graphql', 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('keeps the client contract: no breaking change, every missing coordinate listed as pending, nothing built still listed', async () => {
    const { contractSdl, emittedSdl, pendingText } = readFiles();
    const report = await checkContract({ contractSdl, emittedSdl, pending: readPending(pendingText) });
    expect(report.breaking.map((c) => `${c.path ?? ''}: ${c.message}`)).toEqual([]);
    expect(report.unlisted, 'contract coordinates missing from the schema and not listed in schema/contract-pending.txt').toEqual([]);
    expect(report.stale, 'implemented coordinates still listed in schema/contract-pending.txt').toEqual([]);
  });

  it('the generated SDK is current (run `npm run codegen`)', async () => {
    const files = (await generate({ ...codegenConfig, silent: true }, false)) as Array<{ filename: string; content: string }>;
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f.filename, 'utf8'), f.filename).toBe(f.content);
  });
});
