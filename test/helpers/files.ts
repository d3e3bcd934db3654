/** Uploading and downloading files over HTTP as the web and mobile apps do (POST /uploads, Attachment.url). */
import { createHash } from 'node:crypto';
import type { TestApp } from './app.js';

export interface UploadAnswer {
  status: number;
  body: {
    id?: string;
    fileName?: string;
    contentType?: string;
    size?: number;
    sha256?: string;
    url?: string;
    errors?: Array<{ message: string; extensions: { code: string; fields?: Array<{ field: string; message: string }> } }>;
  };
  headers: Headers;
}

/** A small but well-formed one-page PDF; `pad` bytes of a comment make it as large as wanted. */
export function pdfBytes(pad = 0, label = 'scan'): Buffer {
  const head = `%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n`;
  const tail = 'trailer << /Root 1 0 R >>\n%%EOF\n';
  const filler = pad > 0 ? `%${'x'.repeat(Math.max(0, pad - 2))}\n` : '';
  return Buffer.from(head + filler + tail);
}

/** A PDF of exactly `size` bytes. */
export function pdfOfSize(size: number): Buffer {
  const base = pdfBytes().length;
  const b = pdfBytes(size - base);
  if (b.length !== size) throw new Error(`pdf of ${b.length} bytes, wanted ${size}`);
  return b;
}

/** The 8-byte PNG signature followed by an IHDR chunk: enough for a type check by content. */
export const pngBytes = (): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex')]);

/** A Windows executable's first bytes (MZ header). */
export const exeBytes = (): Buffer => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 0)]);

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

export async function upload(t: TestApp, token: string | null, file: { name: string; bytes: Buffer; type?: string }, field = 'file'): Promise<UploadAnswer> {
  const form = new FormData();
  form.append(field, new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  const res = await fetch(`${t.url}/uploads`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as UploadAnswer['body'], headers: res.headers };
}

/** Uploads a scan and returns its attachment id (fails the test otherwise). */
export async function uploadScan(t: TestApp, token: string, name = 'паспорт.pdf', bytes: Buffer = pdfBytes(0, name)): Promise<string> {
  const r = await upload(t, token, { name, bytes, type: 'application/pdf' });
  if (r.status !== 201 || !r.body.id) throw new Error(`upload failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** GETs an Attachment.url on the test server (the URL names PUBLIC_URL; the path is what matters). */
export async function download(t: TestApp, url: string, token: string | null): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const res = await fetch(`${t.url}${new URL(url).pathname}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}
