/**
 * patches/postgres+3.4.9.patch (applied by `postinstall`) must be in place in both builds Node may
 * load (ESM `src/`, CommonJS `cjs/src/`): without it a PostgreSQL restart can crash the process
 * (upstream porsager/postgres#1154, #1208; fixes #1168, #1209). test/faults/postgres-drop.test.ts
 * shows the crash and the cure end to end.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CommonJS entry is <root>/cjs/src/index.js.
const root = join(createRequire(import.meta.url).resolve('postgres'), '../../..');

describe('postgres.js patch', () => {
  it.each(['src/connection.js', 'cjs/src/connection.js'])('%s settles a write on a closed socket with CONNECTION_CLOSED', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const nextWrite = text.slice(text.indexOf('function nextWrite('), text.indexOf('socket.write(chunk, fn)'));
    expect(nextWrite).toMatch(/if \(!socket\) \{[\s\S]*CONNECTION_CLOSED[\s\S]*return false/);
  });
});
