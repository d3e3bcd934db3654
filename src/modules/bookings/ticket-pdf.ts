/**
 * The booking's ticket as a PDF: number, branch and address, local date and time, service, and
 * the QR code of the signed ticket code. DejaVu Sans (shipped by an npm package) carries the
 * Cyrillic glyphs the standard PDF fonts lack.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface TicketPdf {
  number: string;
  branch: string;
  address: string;
  localDateTime: string;
  service: string;
  ticketCode: string;
  createdAt: Date;
}

export async function ticketPdf(t: TicketPdf): Promise<Buffer> {
  const qr = await QRCode.toBuffer(t.ticketCode, { errorCorrectionLevel: 'M', margin: 1, width: 320 });
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: `Талон ${t.number}`, Author: 'МФЦ', CreationDate: t.createdAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', FONT).registerFont('bold', FONT_BOLD);
  doc.font('bold').fontSize(18).text('Талон на приём в МФЦ', { align: 'center' });
  doc.moveDown(0.5).font('regular').fontSize(12).text(`Запись № ${t.number}`, { align: 'center' });
  doc.moveDown();
  for (const [label, value] of [
    ['Услуга', t.service],
    ['Отделение', t.branch],
    ['Адрес', t.address],
    ['Дата и время', t.localDateTime],
  ] as const) {
    doc.font('bold').fontSize(10).text(label);
    doc.font('regular').fontSize(12).text(value).moveDown(0.4);
  }
  const qrSize = 180;
  const qrTop = doc.y + 8;
  doc.image(qr, (doc.page.width - qrSize) / 2, qrTop, { width: qrSize });
  doc.font('regular').fontSize(9).text('Покажите QR-код у терминала или оператору. Возьмите паспорт.', doc.page.margins.left, qrTop + qrSize + 12, { align: 'center' });
  doc.end();
  return done;
}
