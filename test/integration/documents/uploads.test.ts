import { readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AddDocumentDocument, DocumentNodeDocument } from '../../../src/sdk/generated/graphql.js';
import { createAccount, createStaff } from '../../helpers/accounts.js';
import { useTestApp } from '../../helpers/app.js';
import { operatorServing } from '../../helpers/staff.js';
import { download, exeBytes, pdfBytes, pdfOfSize, pngBytes, sha256, upload } from '../../helpers/files.js';

// A low upload rate limit so the limit can be reached; each file below uses a fresh citizen.
const t = useTestApp({ RATE_LIMIT_UPLOADS_PER_USER: '5' });
const MAX = 5 * 1024 * 1024;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(resolve(join(e.parentPath, e.name)));
  return out;
}

describe('POST /uploads', () => {
  it('stores a PDF by its content hash and answers 201 with its description', async () => {
    // Given a signed-in citizen and a scan
    const c = await createAccount(t, 'CITIZEN');
    const bytes = pdfBytes(1000);
    // When it is uploaded
    const r = await upload(t, c.accessToken, { name: 'Паспорт.pdf', bytes, type: 'application/pdf' });
    // Then
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ fileName: 'Паспорт.pdf', contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) });
    expect(r.body.url).toMatch(new RegExp(`^http://localhost:4000/attachments/${r.body.id}\\?sig=`));
    const stored = await filesUnder(t.storageDir);
    expect(stored.map((p) => relative(t.storageDir, p))).toContain(join('files', sha256(bytes).slice(0, 2), sha256(bytes).slice(2, 4), sha256(bytes)));
    // And the owner downloads exactly those bytes, with a safe disposition
    const d = await download(t, r.body.url ?? '', c.accessToken);
    expect(d.status).toBe(200);
    expect(d.bytes.equals(bytes)).toBe(true);
    expect(d.headers.get('content-type')).toBe('application/pdf');
    expect(d.headers.get('x-content-type-options')).toBe('nosniff');
    expect(d.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Паспорт.pdf')}`);
  });

  it('takes the type from the content: a PNG named .pdf is a PNG, a renamed .exe is refused with 415', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const png = await upload(t, c.accessToken, { name: 'scan.pdf', bytes: pngBytes(), type: 'application/pdf' });
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', fileName: 'scan.pdf.png' });
    const before = await filesUnder(t.storageDir);
    const exe = await upload(t, c.accessToken, { name: 'паспорт.pdf', bytes: exeBytes(), type: 'application/pdf' });
    expect(exe.status).toBe(415);
    expect(exe.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', fields: [{ field: 'file' }] });
    // Nothing of it stays on the disk, not even its temporary file.
    expect(await filesUnder(t.storageDir)).toEqual(before);
  });

  it('accepts exactly 5 MB and refuses 5 MB + 1 byte with 413, keeping nothing', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const exact = await upload(t, c.accessToken, { name: 'big.pdf', bytes: pdfOfSize(MAX) });
    expect(exact.status).toBe(201);
    expect(exact.body.size).toBe(MAX);
    const before = await filesUnder(t.storageDir);
    const over = await upload(t, c.accessToken, { name: 'bigger.pdf', bytes: pdfOfSize(MAX + 1) });
    expect(over.status).toBe(413);
    expect(over.body.errors?.[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await filesUnder(t.storageDir)).toEqual(before);
  });

  it('sanitizes the file name and never writes outside the storage directory', async () => {
    const c = await createAccount(t, 'CITIZEN');
    const r = await upload(t, c.accessToken, { name: '../../../../tmp/evil<name>|.pdf', bytes: pdfBytes(10, 'evil') });
    expect(r.status).toBe(201);
    expect(r.body.fileName).toBe('evilname.pdf');
    for (const p of await filesUnder(t.storageDir)) expect(p.startsWith(resolve(t.storageDir))).toBe(true);
  });

  it('needs a token, the multipart field "file", and keeps to the rate limit per user', async () => {
    const anonymous = await upload(t, null, { name: 'a.pdf', bytes: pdfBytes() });
    expect(anonymous.status).toBe(401);
    const c = await createAccount(t, 'CITIZEN');
    const wrongField = await upload(t, c.accessToken, { name: 'a.pdf', bytes: pdfBytes() }, 'document');
    expect(wrongField.status).toBe(400);
    const notMultipart = await fetch(`${t.url}/uploads`, { method: 'POST', body: pdfBytes(), headers: { authorization: `Bearer ${c.accessToken}`, 'content-type': 'application/pdf' } });
    expect(notMultipart.status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await upload(t, c.accessToken, { name: `p${i}.pdf`, bytes: pdfBytes(i, `p${i}`) })).status);
    // The upload without the field counted (its body was read); 4 more are allowed, then refused.
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });
});

describe('GET /attachments/:id', () => {
  it('serves the owner and staff serving them; another citizen, another branch\'s operator and a made-up id get 404; no token gets 401', async () => {
    const owner = await createAccount(t, 'CITIZEN');
    const other = await createAccount(t, 'CITIZEN');
    const operator = await operatorServing(t, owner.client);
    const stranger = await createStaff(t, 'OPERATOR');
    const r = await upload(t, owner.accessToken, { name: 'snils.png', bytes: pngBytes() });
    const url = r.body.url ?? '';
    expect((await download(t, url, owner.accessToken)).status).toBe(200);
    expect((await download(t, url, operator.accessToken)).status).toBe(200);
    expect((await download(t, url, stranger.accessToken)).status).toBe(404);
    expect((await download(t, url, other.accessToken)).status).toBe(404);
    expect((await download(t, url, null)).status).toBe(401);
    expect((await download(t, 'http://x/attachments/00000000-0000-4000-8000-000000000000', owner.accessToken)).status).toBe(404);
    expect((await download(t, 'http://x/attachments/not-a-uuid', owner.accessToken)).status).toBe(404);
    // node(id) follows the same rule.
    expect((await owner.client.request(DocumentNodeDocument, { id: r.body.id ?? '' })).node).toMatchObject({ __typename: 'Attachment', fileName: 'snils.png' });
    expect((await other.client.request(DocumentNodeDocument, { id: r.body.id ?? '' })).node).toBeNull();
  });
});

describe('unused uploads', () => {
  it('are deleted after ATTACHMENT_ORPHAN_HOURS with their file, unless something refers to them or shares their content', async () => {
    // Given a scan attached to a document, an unused one, and an unused copy of the attached one's content
    const c = await createAccount(t, 'CITIZEN');
    const kept = await upload(t, c.accessToken, { name: 'полис.pdf', bytes: pdfBytes(7, 'kept') });
    const unused = await upload(t, c.accessToken, { name: 'лишний.pdf', bytes: pdfBytes(8, 'unused') });
    const copy = await upload(t, c.accessToken, { name: 'копия.pdf', bytes: pdfBytes(7, 'kept') });
    await c.client.request(AddDocumentDocument, { input: { kind: 'OMS_POLICY', number: '7700000000000001', attachmentIds: [kept.body.id ?? ''] } });
    const files = async () => (await filesUnder(t.storageDir)).map((p) => p.split('/').pop());
    // When the job runs before the deadline, nothing goes
    expect(await t.running.app.services.documents.pruneOrphans()).toBe(0);
    // and after it, the two unused uploads go; the file shared with the attached scan stays
    t.clock.advance(73 * 3_600_000);
    try {
      expect(await t.running.app.services.documents.pruneOrphans()).toBeGreaterThanOrEqual(2);
    } finally {
      t.clock.reset();
    }
    expect(await files()).toContain(kept.body.sha256);
    expect(await files()).not.toContain(unused.body.sha256);
    expect((await download(t, unused.body.url ?? '', c.accessToken)).status).toBe(404);
    expect((await download(t, copy.body.url ?? '', c.accessToken)).status).toBe(404);
    expect((await download(t, kept.body.url ?? '', c.accessToken)).status).toBe(200);
  });
});
