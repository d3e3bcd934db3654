/**
 * Files over HTTP. `POST /uploads` (multipart, field "file", bearer token) streams one scan to
 * the storage's temporary file while hashing it: never buffered whole, cut off past
 * UPLOAD_MAX_BYTES (413), its type taken from its first bytes (415 for anything but PDF, JPEG,
 * PNG). `GET /attachments/:id` sends a file to whoever may read it; anyone else gets 404.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import type { App } from '../../app.js';
import { bearer } from '../../shared/auth/bearer.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError } from '../../shared/errors.js';
import { contentDisposition, sanitizeFileName, sniffScanType, type ScanType } from './files.rules.js';

/** An HTTP failure in the shape of a GraphQL error: the same `code` (and field) clients already handle. */
function fail(res: Response, status: number, code: string, message: string, field?: string): void {
  if (res.headersSent) return;
  if (status === 413 || status === 415) res.setHeader('connection', 'close');
  res.status(status).json({ errors: [{ message, extensions: { code, ...(field ? { fields: [{ field, message }] } : {}) } }] });
}

async function viewerOf(app: App, req: Request, res: Response): Promise<Viewer | null> {
  const token = bearer(req.header('authorization'));
  const viewer = token ? await app.services.accounts.sessions.viewerFromToken(token) : null;
  if (!viewer) fail(res, 401, 'UNAUTHENTICATED', 'Требуется вход в личный кабинет');
  return viewer;
}

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

interface Received {
  temporaryPath: string;
  fileName: string;
  inspect: Inspect;
  truncated: boolean;
}

/** Reads the multipart body: the one "file" part goes to a temporary file, everything else is drained. */
function receive(app: App, req: Request, max: number): Promise<Received | null> {
  const storage = app.services.documents.storage;
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

export function documentFilesRouter(app: App): Router {
  const router = Router();
  const { config, log } = app;

  router.post('/uploads', async (req: Request, res: Response) => {
    const viewer = await viewerOf(app, req, res);
    if (!viewer) return req.resume();
    const max = config.UPLOAD_MAX_BYTES;
    if (!/^multipart\/form-data/i.test(req.header('content-type') ?? '')) {
      req.resume();
      return fail(res, 400, 'BAD_USER_INPUT', 'Отправьте файл в поле «file» формы multipart/form-data', 'file');
    }
    // An honest client announcing a body far beyond the limit is refused before anything is read.
    const announced = Number(req.header('content-length') ?? 0);
    if (announced > max + 64 * 1024) {
      req.resume();
      return fail(res, 413, 'PAYLOAD_TOO_LARGE', `Файл больше ${Math.floor(max / 1024 / 1024)} МБ`, 'file');
    }
    try {
      await app.services.documents.limitUploads(viewer);
    } catch (err) {
      req.resume();
      if (err instanceof AppError) {
        res.setHeader('retry-after', typeof err.extensions.retryAfter === 'number' ? String(err.extensions.retryAfter) : '60');
        return fail(res, 429, err.code, err.message);
      }
      throw err;
    }
    let got: Received | null;
    try {
      got = await receive(app, req, max);
    } catch (err) {
      log.debug({ err }, 'upload could not be read');
      return fail(res, 400, 'BAD_USER_INPUT', 'Не удалось прочитать файл', 'file');
    }
    if (!got) return fail(res, 400, 'BAD_USER_INPUT', 'Нет файла в поле «file»', 'file');
    const storage = app.services.documents.storage;
    const contentType: ScanType | null = sniffScanType(got.inspect.head);
    if (got.truncated && got.inspect.size > max) {
      await storage.discard(got.temporaryPath);
      return fail(res, 413, 'PAYLOAD_TOO_LARGE', `Файл больше ${Math.floor(max / 1024 / 1024)} МБ`, 'file');
    }
    if (got.inspect.size === 0 || !contentType) {
      await storage.discard(got.temporaryPath);
      return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Загрузите скан в формате PDF, JPEG или PNG', 'file');
    }
    try {
      const row = await app.services.documents.storeUpload(viewer, {
        temporaryPath: got.temporaryPath,
        fileName: sanitizeFileName(got.fileName, contentType),
        contentType,
        size: got.inspect.size,
        sha256: got.inspect.hash.digest('hex'),
      });
      res.status(201).json({
        id: row.id,
        fileName: row.fileName,
        contentType: row.contentType,
        size: row.size,
        sha256: row.sha256,
        url: app.services.documents.fileUrl(row.id),
        createdAt: row.createdAt.toISOString(),
      });
    } catch (err) {
      if (err instanceof AppError) return fail(res, 413, err.code, err.message, 'file');
      log.error({ err }, 'upload failed');
      return fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Внутренняя ошибка сервера');
    }
  });

  router.get('/attachments/:id', async (req: Request, res: Response) => {
    const viewer = await viewerOf(app, req, res);
    if (!viewer) return;
    const row = await app.services.documents.attachment(viewer, String(req.params.id));
    if (!row) return fail(res, 404, 'NOT_FOUND', 'Файл не найден');
    const stream = await app.services.documents.openFile(row).catch((err: unknown) => {
      log.error({ err, attachment: row.id }, 'stored file is missing');
      return null;
    });
    if (!stream) return fail(res, 404, 'NOT_FOUND', 'Файл не найден');
    res.status(200);
    res.setHeader('content-type', row.contentType);
    res.setHeader('content-length', String(row.size));
    res.setHeader('content-disposition', contentDisposition(row.fileName));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, no-store');
    await pipeline(stream, res).catch((err: unknown) => log.debug({ err }, 'download interrupted'));
  });
  return router;
}
