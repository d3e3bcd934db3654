/**
 * Receiving one upload: the multipart body is streamed (never buffered whole) to the storage's
 * temporary file through a Transform that hashes it, counts its bytes and keeps its first bytes
 * for sniffing the type.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import type { FileStorage } from './storage.js';

const HEAD_BYTES = 16;

/** Passes bytes through while hashing and counting them and keeping the first few for sniffing. */
class Inspect extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    done(null, chunk);
  }
}

export interface Received {
  temporaryPath: string;
  fileName: string;
  inspect: Inspect;
  truncated: boolean;
}

/** Reads the multipart body: the one "file" part goes to a temporary file, everything else is drained. */
export function receive(storage: FileStorage, req: Request, max: number): Promise<Received | null> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      // busboy stops at its limit (and flags it even when the file is exactly that long): one byte
      // more than allowed tells a file of exactly `max` bytes from a longer one.
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: max + 1, fields: 10, parts: 12, fieldSize: 1024 } });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    let pending: Promise<Received> | null = null;
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || pending) {
        stream.resume();
        return;
      }
      const inspect = new Inspect();
      let truncated = false;
      stream.on('limit', () => {
        truncated = true;
      });
      const written: Promise<Received> = storage.temporaryPath().then(async (temporaryPath) => {
        await pipeline(stream, inspect, createWriteStream(temporaryPath));
        return { temporaryPath, fileName: info.filename ?? '', inspect, truncated };
      });
      written.catch(() => stream.resume());
      pending = written;
    });
    bb.on('error', reject);
    bb.on('close', () => {
      if (!pending) resolve(null);
      else pending.then(resolve, reject);
    });
    req.pipe(bb);
  });
}
