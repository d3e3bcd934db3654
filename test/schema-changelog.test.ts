/**
 * schema/CHANGELOG.md is current: its newest entry is the committed schema at the SDK's version,
 * and reads exactly as scripts/schema-changelog.ts writes it from the version before (or the
 * contract). Like the contract-pending check: run `node dist/scripts/schema-changelog.js --write`
 * (or `npm run schema:all`) after changing the schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diff } from '@graphql-inspector/core';
import { buildASTSchema, parse } from 'graphql';
import { baseSchemaOf, changelogPaths, classify, currentVersion, makeEntry, parseEntries, renderEntry, sha256 } from '../scripts/schema-changelog.js';

const entries = parseEntries(readFileSync(changelogPaths.changelog, 'utf8'));
const schemaSdl = readFileSync(changelogPaths.schema, 'utf8');

describe('schema changelog', () => {
  it('the newest entry is the committed schema at the SDK version (run `node dist/scripts/schema-changelog.js --write`)', () => {
    const newest = entries[0];
    expect(newest, 'schema/CHANGELOG.md has no entry').toBeDefined();
    expect(newest?.schemaSha, 'the schema changed without a changelog entry').toBe(sha256(schemaSdl));
    expect(newest?.version).toBe(currentVersion());
  });

  it('the newest entry is what the script writes from the version before', async () => {
    const newest = entries[0];
    if (!newest) throw new Error('no entry');
    const base = baseSchemaOf(newest, entries);
    const again = await makeEntry({ version: newest.version, schemaSdl, baseSdl: base.sdl, base: newest.base, baseLabel: base.label });
    expect(newest.text).toBe(again.text);
    expect(again.sections.breaking).toEqual([]);
  });

  it('versions only go up, and every entry names the schema it was compared with', () => {
    const versions = entries.map((e) => e.version.split('.').map(Number));
    for (let i = 1; i < versions.length; i++) {
      const [a = [], b = []] = [versions[i - 1], versions[i]];
      expect((a[0] ?? 0) * 1e6 + (a[1] ?? 0) * 1e3 + (a[2] ?? 0)).toBeGreaterThan((b[0] ?? 0) * 1e6 + (b[1] ?? 0) * 1e3 + (b[2] ?? 0));
    }
    for (const e of entries) expect(e.base).toMatch(/^(contract|[0-9a-f]{64})$/);
  });

  it('sorts a diff into added, deprecated, breaking and documentation', async () => {
    const before = buildASTSchema(parse('type Query { a: Int\n b: String\n "old" c: Int }\nenum E { X }'));
    const after = buildASTSchema(parse('type Query { a: Int @deprecated(reason: "Use d.")\n "new" c: Int\n d: Int }\nenum E { X Y }'));
    const sections = classify(await diff(before, after));
    expect(sections.added.map((l) => l.slice(0, 11))).toEqual(['- `E.Y`: En', '- `Query.d`']);
    expect(sections.added[0]).toContain('dangerous');
    expect(sections.deprecated).toEqual(['- `Query.a`: deprecated. Use d.']);
    expect(sections.breaking).toEqual(["- `Query.b`: Field 'b' was removed from object type 'Query'"]);
    expect(sections.changed).toEqual([]);
    expect(sections.descriptions).toBe(1);
    const text = renderEntry({ version: '9.1.0', schemaSha: 'ab', base: 'contract', baseLabel: 'the contract', sections });
    expect(text).toContain('### Deprecated');
    expect(text).toContain('### Breaking (accepted deliberately)');
    expect(text).toContain('- 1 descriptions added or changed.');
  });
});
