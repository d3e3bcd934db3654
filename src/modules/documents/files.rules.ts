/** What an upload may be: the type from its first bytes (never from its name), and a safe file name. */
import { stripBidiControls } from '../../shared/bidi.js';

export type ScanType = 'application/pdf' | 'image/jpeg' | 'image/png';

const EXTENSIONS: Record<ScanType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The scan type of a file by its magic bytes; null for anything else (an .exe renamed .pdf, a GIF…). */
export function sniffScanType(head: Uint8Array): ScanType | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return null;
}

const MAX_NAME = 150;

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment only,
 * no control or reserved characters, no leading dots, at most 150 characters, and an extension
 * that matches the detected type (scan.jpeg stays, scan.exe holding a PDF becomes scan.exe.pdf).
 */
export function sanitizeFileName(raw: string | null | undefined, type: ScanType): string {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = stripBidiControls(last)
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const ext = EXTENSIONS[type];
  const hasExt = new RegExp(`\\.(${type === 'image/jpeg' ? 'jpe?g' : ext})$`, 'i').test(name);
  if (!name) name = 'file';
  if (!hasExt) name = `${name}.${ext}`;
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const suffix = name.slice(dot);
    name = name.slice(0, MAX_NAME - suffix.length) + suffix;
  }
  return name;
}

/** Content-Disposition for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
