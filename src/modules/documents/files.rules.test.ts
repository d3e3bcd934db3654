import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitizeFileName, sniffScanType } from './files.rules.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('upload types by content', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffScanType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffScanType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffScanType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
  });

  it('refuses everything else whatever it is called: executables, GIFs, text, truncated headers', () => {
    expect(sniffScanType(Buffer.from('MZ\x90\x00\x03'))).toBeNull();
    expect(sniffScanType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffScanType(Buffer.from('hello'))).toBeNull();
    expect(sniffScanType(bytes(0x89, 0x50, 0x4e))).toBeNull();
    expect(sniffScanType(new Uint8Array())).toBeNull();
  });
});

describe('file names', () => {
  it('keeps the last path segment without control or reserved characters', () => {
    expect(sanitizeFileName('../../etc/passwd.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\Users\\ivan\\Паспорт скан.jpg', 'image/jpeg')).toBe('Паспорт скан.jpg');
    expect(sanitizeFileName('Счёт\u202Efdp.exe.pdf', 'application/pdf')).toBe('Счётfdp.exe.pdf');
    expect(sanitizeFileName('\u2067\u202Escan\u2069.pdf', 'application/pdf')).toBe('scan.pdf');
    expect(sanitizeFileName('a<b>:"c|?*\u0000.png', 'image/png')).toBe('abc.png');
    expect(sanitizeFileName('...hidden', 'application/pdf')).toBe('hidden.pdf');
  });

  it('gives the extension of the detected type when the name has another one', () => {
    expect(sanitizeFileName('scan.exe', 'application/pdf')).toBe('scan.exe.pdf');
    expect(sanitizeFileName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(sanitizeFileName('', 'image/png')).toBe('file.png');
    expect(sanitizeFileName(null, 'image/png')).toBe('file.png');
  });

  it('cuts long names to 150 characters keeping the extension', () => {
    const name = sanitizeFileName(`${'я'.repeat(300)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(150);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('sends Cyrillic names as RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('Паспорт "1".pdf')).toBe(`attachment; filename="_______ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('Паспорт "1".pdf')}`);
  });
});
