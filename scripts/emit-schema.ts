/** Writes schema/schema.graphql from the code (npm run schema). The committed file is checked by a test. */
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { createSchema } from '../src/server/schema.js';

const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url).href.replace('/dist/', '/'));
await createSchema({ emitSchemaFile: target });
console.log(`schema written to ${target}`);
