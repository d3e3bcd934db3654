/**
 * Secrets every instance must share. Taken from the environment when given; otherwise generated
 * once and kept in the database (the first instance to start inserts, the rest read the same row).
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.js';
import * as repo from './system.repository.js';

export async function loadOrCreateSecret(db: Database, name: string, fromEnv?: string, generate: () => string = () => randomBytes(32).toString('base64url')): Promise<string> {
  if (fromEnv) return fromEnv;
  const value = await repo.insertSecretIfAbsent(db, name, generate());
  if (value === undefined) throw new Error(`secret ${name} could not be stored`);
  return value;
}
