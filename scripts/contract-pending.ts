/** Prints (or with --write, writes) the minimal schema/contract-pending.txt for the current schema. */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkContract, minimalPending, paths } from './contract.js';

const contractSdl = readFileSync(paths.contract, 'utf8');
const emittedSdl = readFileSync(paths.emitted, 'utf8');
const report = await checkContract({ contractSdl, emittedSdl, pending: [] });
const list = minimalPending(report.missing, emittedSdl);
const text = `# Contract coordinates (../shared/api/contract.graphql) not implemented yet.\n# A whole type, Type.field, Type.field(arg:) or Enum.VALUE per line. test/contract.test.ts keeps this honest:\n# every missing coordinate must be listed, and nothing implemented may stay listed. It must end empty.\n${list.join('\n')}\n`;
if (process.argv.includes('--write')) {
  writeFileSync(paths.pending, text);
  console.log(`${list.length} pending entries written to ${paths.pending}`);
} else {
  process.stdout.write(text);
}
