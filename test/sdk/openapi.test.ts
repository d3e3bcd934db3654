/**
 * schema/openapi.json against the official OpenAPI 3.1 JSON Schema, with
 * @seriousme/openapi-schema-validator installed outside the repository (registry; `npm run test:sdk`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let dir = '';

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('schema/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mfc-openapi-'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'openapi-check', private: true, type: 'module', dependencies: { '@seriousme/openapi-schema-validator': '2.11.0' } }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], { cwd: dir, timeout: 240_000 });
    const { Validator } = (await import(join(dir, 'node_modules/@seriousme/openapi-schema-validator/index.js'))) as {
      Validator: new () => { validate(spec: object): Promise<{ valid: boolean; errors?: unknown }>; version: string };
    };
    const spec = JSON.parse(await readFile(fileURLToPath(new URL('../../schema/openapi.json', import.meta.url)), 'utf8')) as object;
    const validator = new Validator();
    const result = await validator.validate(spec);
    expect(result.errors ?? null).toBeNull();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  }, 300_000);
});
