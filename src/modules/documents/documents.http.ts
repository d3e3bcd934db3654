/**
 * Files over HTTP. `POST /uploads` (multipart, field "file", bearer token) streams one scan to
 * the storage's temporary file while hashing it (documents.upload.ts): never buffered whole, cut
 * off past UPLOAD_MAX_BYTES (413), its type taken from its first bytes (415 for anything but PDF,
 * JPEG, PNG). `GET /attachments/:id` sends a file to whoever may read it; anyone else gets 404.
 * The router is given the services it uses; the module returns it in its `routers`.
 */
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import type { Config } from '../../config/env.js';
import { requireBearerViewer, type TokenSessions } from '../../shared/auth/rest-auth.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { AppError } from '../../shared/errors.js';
import { LINK_PARAM } from '../../shared/signed-links.js';
import { sendRestError } from '../../shared/http-errors.js';
import type { Logger } from '../../shared/logger.js';
import type { AttachmentsService } from './attachments.service.js';
import { receive, type Received } from './documents.upload.js';
import { contentDisposition, sanitizeFileName, sniffScanType } from './files.rules.js';

/** Who is calling, from a bearer token (accounts' SessionGuard): refused tokens answer with their reason. */
export type BearerSessions = TokenSessions;

export interface DocumentFilesDeps {
  config: Pick<Config, 'UPLOAD_MAX_BYTES'>;
  log: Logger;
  attachments: AttachmentsService;
  sessions: BearerSessions;
}

export function documentFilesRouter(deps: DocumentFilesDeps): Router {
  const router = Router();
  router.post('/uploads', (req: Request, res: Response) => upload(deps, req, res));
  router.get('/attachments/:id', (req: Request, res: Response) => download(deps, req, res));
  return router;
}

/** An HTTP failure in the shape of a GraphQL error: the same `code` (and field) clients already handle. */
function fail(res: Response, status: number, code: string, message: string, field?: string, reason?: string): void {
  if (res.headersSent) return;
  if (status === 413 || status === 415) res.setHeader('connection', 'close');
  sendRestError(res, status, code, message, { field, reason });
}

function viewerOf(sessions: BearerSessions, req: Request, res: Response): Promise<Viewer | null> {
  return requireBearerViewer(sessions, req.header('authorization'), res, 'Требуется вход в личный кабинет');
}

/** A download's viewer: a bearer token, or else a signed link (`?sig=`, Attachment.url). */
async function downloadViewer(deps: DocumentFilesDeps, req: Request, res: Response): Promise<Viewer | null> {
  if (req.header('authorization') === undefined && req.query[LINK_PARAM] !== undefined) {
    const viewer = await deps.attachments.linkViewer(req.path, req.query[LINK_PARAM]);
    if (!viewer) fail(res, 401, 'UNAUTHENTICATED', 'Ссылка устарела или недействительна: получите новую', undefined, 'LINK_INVALID');
    return viewer;
  }
  return viewerOf(deps.sessions, req, res);
}

const tooLarge = (max: number) => `Файл больше ${Math.floor(max / 1024 / 1024)} МБ`;

async function upload(deps: DocumentFilesDeps, req: Request, res: Response): Promise<void> {
  const viewer = await viewerOf(deps.sessions, req, res);
  if (!viewer) {
    req.resume();
    return;
  }
  if (!(await admitted(deps, viewer, req, res))) return;
  let got: Received | null;
  try {
    got = await receive(deps.attachments.storage, req, deps.config.UPLOAD_MAX_BYTES);
  } catch (err) {
    deps.log.debug({ err }, 'upload could not be read');
    return fail(res, 400, 'BAD_USER_INPUT', 'Не удалось прочитать файл', 'file');
  }
  if (!got) return fail(res, 400, 'BAD_USER_INPUT', 'Нет файла в поле «file»', 'file');
  await store(deps, viewer, got, res);
}

/**
 * Whether the request may be read at all: multipart, not announced far beyond the limit (an honest
 * client is refused before anything is read), within the user's upload rate. When not, the body
 * is drained and the answer sent.
 */
async function admitted(deps: DocumentFilesDeps, viewer: Viewer, req: Request, res: Response): Promise<boolean> {
  const max = deps.config.UPLOAD_MAX_BYTES;
  if (!/^multipart\/form-data/i.test(req.header('content-type') ?? '')) {
    req.resume();
    fail(res, 400, 'BAD_USER_INPUT', 'Отправьте файл в поле «file» формы multipart/form-data', 'file');
    return false;
  }
  if (Number(req.header('content-length') ?? 0) > max + 64 * 1024) {
    req.resume();
    fail(res, 413, 'PAYLOAD_TOO_LARGE', tooLarge(max), 'file');
    return false;
  }
  try {
    await deps.attachments.limitUploads(viewer);
    return true;
  } catch (err) {
    req.resume();
    if (!(err instanceof AppError)) throw err;
    res.setHeader('retry-after', typeof err.extensions.retryAfter === 'number' ? String(err.extensions.retryAfter) : '60');
    fail(res, 429, err.code, err.message);
    return false;
  }
}

/** Checks what arrived (size, type by its first bytes) and files it; 201 with the attachment. */
async function store(deps: DocumentFilesDeps, viewer: Viewer, got: Received, res: Response): Promise<void> {
  const { attachments, log } = deps;
  const max = deps.config.UPLOAD_MAX_BYTES;
  const contentType = sniffScanType(got.inspect.head);
  if (got.truncated && got.inspect.size > max) {
    await attachments.storage.discard(got.temporaryPath);
    return fail(res, 413, 'PAYLOAD_TOO_LARGE', tooLarge(max), 'file');
  }
  if (got.inspect.size === 0 || !contentType) {
    await attachments.storage.discard(got.temporaryPath);
    return fail(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Загрузите скан в формате PDF, JPEG или PNG', 'file');
  }
  try {
    const row = await attachments.storeUpload(viewer, {
      temporaryPath: got.temporaryPath,
      fileName: sanitizeFileName(got.fileName, contentType),
      contentType,
      size: got.inspect.size,
      sha256: got.inspect.hash.digest('hex'),
    });
    const { id, fileName, size, sha256 } = row;
    res.status(201).json({ id, fileName, contentType: row.contentType, size, sha256, url: attachments.fileUrl(viewer, id), createdAt: row.createdAt.toISOString() });
  } catch (err) {
    if (err instanceof AppError) return fail(res, 413, err.code, err.message, 'file');
    log.error({ err }, 'upload failed');
    return fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Внутренняя ошибка сервера');
  }
}

async function download(deps: DocumentFilesDeps, req: Request, res: Response): Promise<void> {
  const { attachments, log } = deps;
  const viewer = await downloadViewer(deps, req, res);
  if (!viewer) return;
  const row = await attachments.attachment(viewer, String(req.params.id));
  if (!row) return fail(res, 404, 'NOT_FOUND', 'Файл не найден');
  const stream = await attachments.openFile(row).catch((err: unknown) => {
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
}
