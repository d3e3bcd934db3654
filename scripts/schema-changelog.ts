/**
 * schema/CHANGELOG.md: what each version of the schema (the SDK's version, src/sdk/package.json,
 * bumped with the schema's hash) changed against the one before, from the same graphql-inspector
 * diff the contract check uses. `node dist/scripts/schema-changelog.js --write` (the last step of
 * the schema regeneration, `npm run schema:all`) adds an entry when the schema's hash is not the
 * newest entry's: added coordinates, deprecations, other safe changes and how many descriptions
 * changed. A breaking change against the previous version is refused (exit 1, nothing written)
 * unless `--accept-breaking` records it deliberately; against the client contract it is refused
 * anyway by test/contract.test.ts. The previous version's schema is found in git by the hash its
 * entry records; the first entry compares with the client contract. test/schema-changelog.test.ts
 * checks that the newest entry is the committed schema and reads as this script would write it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildASTSchema, parse, print } from 'graphql';
import { pruneContract, readPending } from './contract.js';

const root = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../..' : '..', import.meta.url));
export const changelogPaths = {
  root,
  changelog: `${root}/schema/CHANGELOG.md`,
  schema: `${root}/schema/schema.graphql`,
  contract: `${root}/../shared/api/contract.graphql`,
  pending: `${root}/schema/contract-pending.txt`,
  sdkPackage: `${root}/src/sdk/package.json`,
};

export const CONTRACT_BASE = 'contract';
const HEADER = `# Schema changelog

What each version of the schema changed, newest first. The version is the SDK's (\`@mfc/account-sdk\`,
src/sdk/package.json), which goes up with every change of schema/schema.graphql. Written by
\`node dist/scripts/schema-changelog.js --write\` (part of \`npm run schema:all\`) from the same diff as the
contract check; breaking changes are refused. test/schema-changelog.test.ts keeps it current.
`;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface Entry {
  version: string;
  schemaSha: string;
  /** The sha256 of the schema compared with, or CONTRACT_BASE. */
  base: string;
  /** The whole markdown section, header line included. */
  text: string;
}

export interface Sections {
  added: string[];
  deprecated: string[];
  changed: string[];
  breaking: string[];
  descriptions: number;
}

const DEPRECATIONS = new Set<string>([
  ChangeType.FieldDeprecationAdded,
  ChangeType.FieldDeprecationReasonAdded,
  ChangeType.FieldDeprecationReasonChanged,
  ChangeType.EnumValueDeprecationReasonAdded,
  ChangeType.EnumValueDeprecationReasonChanged,
]);

const line = (c: Change) => `- \`${c.path ?? ''}\`: ${c.message}${c.criticality.level === CriticalityLevel.Dangerous ? ' (dangerous: clients that switch over it or rely on it may need a change)' : ''}`;
const deprecationLine = (c: Change) => {
  const meta = c.meta as { deprecationReason?: string | null; addedValueDeprecationReason?: string | null; newDeprecationReason?: string | null };
  const reason = meta.deprecationReason ?? meta.addedValueDeprecationReason ?? meta.newDeprecationReason ?? '';
  return `- \`${(c.path ?? '').replace(/\.@deprecated$/, '')}\`: deprecated. ${reason}`.trimEnd();
};
/** A usage of @deprecated (the FIELD_/ENUM_VALUE_DEPRECATION_* change of the same coordinate says it). */
const isDeprecatedUsage = (c: Change) => {
  const meta = c.meta as { addedDirectiveName?: string; removedDirectiveName?: string; directiveName?: string };
  return String(c.type).startsWith('DIRECTIVE_USAGE') && [meta.addedDirectiveName, meta.removedDirectiveName, meta.directiveName].includes('deprecated');
};

/** Sorts the diff into the changelog's sections (deterministic: by path, then message). */
export function classify(changes: readonly Change[]): Sections {
  const out: Sections = { added: [], deprecated: [], changed: [], breaking: [], descriptions: 0 };
  for (const c of changes) {
    const type = String(c.type);
    if (type.includes('DESCRIPTION')) out.descriptions++;
    else if (isDeprecatedUsage(c)) continue;
    else if (c.criticality.level === CriticalityLevel.Breaking) out.breaking.push(line(c));
    else if (DEPRECATIONS.has(type)) out.deprecated.push(deprecationLine(c));
    else if (type.endsWith('_ADDED')) out.added.push(line(c));
    else out.changed.push(line(c));
  }
  for (const list of [out.added, out.deprecated, out.changed, out.breaking]) list.sort();
  return out;
}

export function renderEntry(e: { version: string; schemaSha: string; base: string; baseLabel: string; sections: Sections }): string {
  const s = e.sections;
  const parts = [`## ${e.version}`, '', `<!-- schema-sha256: ${e.schemaSha} base: ${e.base} -->`, `Compared with ${e.baseLabel}.`];
  const section = (title: string, items: string[]) => {
    if (items.length) parts.push('', `### ${title}`, '', ...items);
  };
  section('Added', s.added);
  section('Deprecated', s.deprecated);
  section('Changed', s.changed);
  section('Breaking (accepted deliberately)', s.breaking);
  if (s.descriptions) parts.push('', `### Documentation`, '', `- ${s.descriptions} descriptions added or changed.`);
  if (!s.added.length && !s.deprecated.length && !s.changed.length && !s.breaking.length && !s.descriptions) parts.push('', 'No change visible to clients (ordering or formatting only).');
  return `${parts.join('\n')}\n`;
}

/** The entries of a CHANGELOG, newest first. */
export function parseEntries(markdown: string): Entry[] {
  const chunks = markdown.split(/^(?=## )/m).filter((c) => c.startsWith('## '));
  return chunks.map((text) => {
    const version = /^## (\S+)/.exec(text)?.[1] ?? '';
    const meta = /<!-- schema-sha256: ([0-9a-f]+) base: (\S+) -->/.exec(text);
    return { version, schemaSha: meta?.[1] ?? '', base: meta?.[2] ?? '', text: text.trimEnd() + '\n' };
  });
}

/** The schema text that had this sha256, from the history of schema/schema.graphql (newest 500 commits). */
export function schemaFromGit(sha: string, cwd = root): string | null {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  const commits = git(['log', '--format=%H', '-n', '500', '--', 'schema/schema.graphql']).split('\n').filter(Boolean);
  for (const commit of commits) {
    const text = git(['show', `${commit}:schema/schema.graphql`]);
    if (sha256(text) === sha) return text;
  }
  return null;
}

/** The entry for `schemaSdl` against `baseSdl` (the previous version's schema, or the contract). */
export async function makeEntry(opts: { version: string; schemaSdl: string; baseSdl: string; base: string; baseLabel: string }): Promise<{ text: string; sections: Sections }> {
  const changes = await diff(buildASTSchema(parse(opts.baseSdl)), buildASTSchema(parse(opts.schemaSdl)));
  const sections = classify(changes);
  return { sections, text: renderEntry({ version: opts.version, schemaSha: sha256(opts.schemaSdl), base: opts.base, baseLabel: opts.baseLabel, sections }) };
}

/** The schema an entry was compared with: the contract, or the version whose hash it records. */
export function baseSchemaOf(entry: Pick<Entry, 'base'>, entries: readonly Entry[]): { sdl: string; label: string } {
  if (entry.base === CONTRACT_BASE) {
    const pending = new Set(readPending(readFileSync(changelogPaths.pending, 'utf8')));
    const sdl = print(pruneContract(parse(readFileSync(changelogPaths.contract, 'utf8')), pending));
    return { sdl, label: 'the client contract (../shared/api/contract.graphql) without its pending coordinates' };
  }
  const sdl = schemaFromGit(entry.base);
  if (!sdl) throw new Error(`the schema with sha256 ${entry.base} is not in the history of schema/schema.graphql`);
  const previous = entries.find((e) => e.schemaSha === entry.base);
  return { sdl, label: previous ? `${previous.version}` : `the schema with sha256 ${entry.base.slice(0, 12)}` };
}

export const currentVersion = (): string => (JSON.parse(readFileSync(changelogPaths.sdkPackage, 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const acceptBreaking = process.argv.includes('--accept-breaking');
  const schemaSdl = readFileSync(changelogPaths.schema, 'utf8');
  const markdown = existsSync(changelogPaths.changelog) ? readFileSync(changelogPaths.changelog, 'utf8') : HEADER;
  const entries = parseEntries(markdown);
  const newest = entries[0];
  if (newest?.schemaSha === sha256(schemaSdl)) {
    console.log(`schema/CHANGELOG.md is current (${newest.version})`);
    return;
  }
  const base = newest ? { base: newest.schemaSha, ...baseSchemaOf({ base: newest.schemaSha }, entries) } : { base: CONTRACT_BASE, ...baseSchemaOf({ base: CONTRACT_BASE }, entries) };
  const version = currentVersion();
  if (newest?.version === version) throw new Error(`the schema changed but the SDK is still ${version}: run npm run build first (it bumps src/sdk/package.json)`);
  const entry = await makeEntry({ version, schemaSdl, baseSdl: base.sdl, base: base.base, baseLabel: base.label });
  if (entry.sections.breaking.length && !acceptBreaking) {
    console.error(`Breaking changes against ${base.label} refused (run with --accept-breaking only for a deliberate, announced break):\n${entry.sections.breaking.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  if (!write) {
    process.stdout.write(entry.text);
    return;
  }
  const head = markdown.split(/^(?=## )/m)[0] ?? HEADER;
  writeFileSync(changelogPaths.changelog, `${head.trimEnd()}\n\n${[entry.text, ...entries.map((e) => e.text)].join('\n')}`);
  console.log(`schema/CHANGELOG.md: ${version} added (${entry.sections.added.length} added, ${entry.sections.deprecated.length} deprecated, ${entry.sections.descriptions} descriptions)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
