/**
 * The payment receipt as a PDF: payer, payee, УИН, purpose, amount, time and the provider's
 * payment id (and what was refunded). DejaVu Sans carries the Cyrillic glyphs, as for tickets.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface ReceiptPdf {
  paymentId: string;
  payer: string;
  payee: string;
  uin: string;
  purpose: string;
  amount: string;
  refunded: string | null;
  method: string;
  paidAt: string;
  providerPaymentId: string;
  createdAt: Date;
}

export async function receiptPdf(r: ReceiptPdf): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: `Чек ${r.paymentId}`, Author: 'МФЦ', CreationDate: r.createdAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', FONT).registerFont('bold', FONT_BOLD);
  doc.font('bold').fontSize(16).text('Электронный чек об оплате', { align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(10).text('Личный кабинет МФЦ', { align: 'center' }).moveDown();
  const rows: Array<[string, string]> = [
    ['Плательщик', r.payer],
    ['Получатель', r.payee],
    ['УИН', r.uin],
    ['Назначение платежа', r.purpose],
    ['Сумма', `${r.amount} ₽`],
    ['Способ оплаты', r.method],
    ['Дата и время оплаты', r.paidAt],
    ['Идентификатор платежа у оператора', r.providerPaymentId],
    ['Номер платежа', r.paymentId],
  ];
  if (r.refunded) rows.push(['Возвращено', `${r.refunded} ₽`]);
  for (const [label, value] of rows) {
    doc.font('bold').fontSize(9).text(label);
    doc.font('regular').fontSize(11).text(value).moveDown(0.4);
  }
  doc.end();
  return done;
}
