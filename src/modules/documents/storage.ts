/**
 * Where uploaded files live. Behind a small interface so an S3-compatible store can replace the
 * disk: an upload is streamed to a temporary file first (its size and SHA-256 computed on the
 * way), then `commit` files it under its content hash. Keys are SHA-256 hex digests only, so no
 * key can name a path outside the storage directory.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';

export interface FileStorage {
  /** A fresh temporary path for an upload in progress (on the same volume as the files). */
  temporaryPath(): Promise<string>;
  /** Files the temporary file under `key`; the same content already stored is kept once. */
  commit(temporaryPath: string, key: string): Promise<void>;
  /** Reads a stored file; throws when it is missing. */
  open(key: string): Promise<Readable>;
  /** Removes a temporary file (an upload that was refused). */
  discard(temporaryPath: string): Promise<void>;
  /** Removes a stored file (no attachment names it any more); a missing one is not an error. */
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

export class DiskStorage implements FileStorage {
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  async temporaryPath(): Promise<string> {
    const tmp = join(this.root, 'tmp');
    await mkdir(tmp, { recursive: true });
    return join(tmp, `${randomUUID()}.part`);
  }

  async commit(temporaryPath: string, key: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(join(target, '..'), { recursive: true });
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (exists) await rm(temporaryPath, { force: true });
    else await rename(temporaryPath, target);
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path); // missing → throws before a response starts
    return createReadStream(path);
  }

  async discard(temporaryPath: string): Promise<void> {
    if (!resolve(temporaryPath).startsWith(join(this.root, 'tmp') + sep)) throw new Error('not a temporary upload path');
    await rm(temporaryPath, { force: true });
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** files/ab/cd/abcd…: a content hash spread over two directory levels. */
  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('storage keys are SHA-256 hex digests');
    const path = join(this.root, 'files', key.slice(0, 2), key.slice(2, 4), key);
    if (!path.startsWith(this.root + sep)) throw new Error('storage path escapes the storage directory');
    return path;
  }
}
