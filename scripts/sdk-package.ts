/**
 * Finishes the SDK package (src/sdk, published as @mfc/account-sdk) after `tsc -p src/sdk`: copies
 * the persisted-documents manifest and the schema into src/sdk/dist, and ties the package's
 * version to the schema: when schema/schema.graphql no longer has the sha256 recorded in
 * src/sdk/package.json (`mfcSchemaSha256`), the minor version goes up and the new hash is written
 * (commit both). Run by `npm run build`; `npm pack ./src/sdk` then makes the tarball.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = (p: string) => `${root}/${p}`;

interface SdkManifest {
  version: string;
  mfcSchemaSha256: string;
  [key: string]: unknown;
}

/** The next minor version (2.3.1 -> 2.4.0): a schema change may add operations and fields. */
export function nextMinor(version: string): string {
  const [major = '0', minor = '0'] = version.split('.');
  return `${major}.${Number(minor) + 1}.0`;
}

const schema = readFileSync(at('schema/schema.graphql'));
const sha = createHash('sha256').update(schema).digest('hex');
const manifestPath = at('src/sdk/package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as SdkManifest;
if (manifest.mfcSchemaSha256 !== sha) {
  const version = nextMinor(manifest.version);
  writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, version, mfcSchemaSha256: sha }, null, 2)}\n`);
  console.log(`schema changed: @mfc/account-sdk ${manifest.version} -> ${version} (commit src/sdk/package.json)`);
}
mkdirSync(at('src/sdk/dist/generated'), { recursive: true });
copyFileSync(at('src/sdk/generated/persisted-documents.json'), at('src/sdk/dist/generated/persisted-documents.json'));
copyFileSync(at('schema/schema.graphql'), at('src/sdk/dist/schema.graphql'));
