/**
 * The SDK package's promises that need no install: generated documents are TypedDocumentNodes
 * whose persisted id is the sha256 of their manifest text, the package version is tied to the
 * schema, the generated code is fresh, and nothing in the client pulls in Node-only `ws`.
 * (The packed tarball used from outside the repository: test/sdk/, `npm run test:sdk`.)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import * as sdk from '../src/sdk/index.js';
import config from '../codegen.js';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('@mfc/account-sdk', () => {
  const manifest = JSON.parse(read('src/sdk/generated/persisted-documents.json')) as Record<string, string>;
  const documents = Object.entries(sdk).filter(([name]) => name.endsWith('Document')) as Array<[string, { kind?: string; __meta__?: { hash: string } }]>;

  it('exports a TypedDocumentNode for every operation, each in the persisted-documents manifest under the sha256 of its text', () => {
    expect(documents.length).toBeGreaterThan(100);
    for (const [name, doc] of documents) {
      expect(doc.kind, name).toBe('Document');
      const hash = doc.__meta__?.hash ?? '';
      expect(hash, name).toMatch(/^sha256:[0-9a-f]{64}$/);
      const text = manifest[hash];
      expect(text, name).toBeDefined();
      expect(`sha256:${sha256(text ?? '')}`).toBe(hash);
      expect(sdk.documentId(doc)).toBe(hash);
    }
    expect(Object.keys(manifest)).toHaveLength(documents.length);
  });

  it('is versioned with the schema: its package.json records the sha256 of schema/schema.graphql (npm run build bumps it)', () => {
    const pkg = JSON.parse(read('src/sdk/package.json')) as { version: string; mfcSchemaSha256: string; exports: Record<string, unknown>; type: string };
    expect(pkg.mfcSchemaSha256).toBe(sha256(read('schema/schema.graphql')));
    expect(pkg.type).toBe('module');
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
  });

  it('needs no ws: the client uses the platform WebSocket unless one is passed', () => {
    const source = read('src/sdk/client.ts');
    expect(source).not.toMatch(/^import[^\n]*from 'ws'/m);
    expect(source).toMatch(/webSocketImpl\?: unknown/);
  });

  it('is generated from the committed schema and operations (npm run codegen)', async () => {
    const files = (await generate(config, false)) as Array<{ filename: string; content: string }>;
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f.content, f.filename).toBe(read(f.filename));
  }, 60_000);
});
