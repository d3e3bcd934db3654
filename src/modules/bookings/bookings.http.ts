/** Files of a booking over HTTP, for its owner only (bearer token): the iCalendar event and the PDF ticket. */
import { Router, type Request, type Response } from 'express';
import type { App } from '../../app.js';
import { bearer } from '../../shared/auth/bearer.js';
import type { BookingRow } from './bookings.repository.js';
import { visitEvent } from './calendar.js';
import { signTicketCode } from './ticket-code.js';
import { ticketPdf } from './ticket-pdf.js';

/** The caller's own booking, or null after answering 401/404 (not found and not yours look alike). */
async function ownBooking(app: App, req: Request, res: Response): Promise<BookingRow | null> {
  const token = bearer(req.header('authorization'));
  const viewer = token ? await app.services.accounts.sessions.viewerFromToken(token) : null;
  if (!viewer) {
    res.status(401).json({ error: 'UNAUTHENTICATED' });
    return null;
  }
  const booking = await app.services.bookings.booking(viewer, String(req.params.id));
  if (!booking || booking.userId !== viewer.userId) {
    res.status(404).json({ error: 'NOT_FOUND' });
    return null;
  }
  return booking;
}

export function bookingFilesRouter(app: App): Router {
  const router = Router();
  router.get('/bookings/:id/ticket.pdf', async (req: Request, res: Response) => {
    const booking = await ownBooking(app, req, res);
    if (!booking) return;
    if (booking.status !== 'CONFIRMED') {
      res.status(409).json({ error: 'PRECONDITION_FAILED', message: 'Талон доступен после подтверждения записи' });
      return;
    }
    const branch = await app.services.branches.branch(booking.branchId);
    const service = await app.services.catalog.service({ id: booking.serviceId });
    const localDateTime = new Intl.DateTimeFormat('ru-RU', { timeZone: branch?.timezone ?? 'Europe/Moscow', dateStyle: 'long', timeStyle: 'short' }).format(booking.startsAt);
    const pdf = await ticketPdf({
      number: booking.number,
      branch: branch?.name ?? 'МФЦ',
      address: branch?.address ?? '',
      localDateTime,
      service: service?.title ?? 'Приём',
      ticketCode: await signTicketCode(app.keys, { id: booking.id, number: booking.number, branchId: booking.branchId, startsAt: booking.startsAt, endsAt: booking.endsAt }),
      createdAt: booking.createdAt,
    });
    res.status(200).type('application/pdf').setHeader('content-disposition', `attachment; filename="ticket-${booking.id}.pdf"`).send(pdf);
  });

  router.get('/bookings/:id/event.ics', async (req: Request, res: Response) => {
    const booking = await ownBooking(app, req, res);
    if (!booking) return;
    const branch = await app.services.branches.branch(booking.branchId);
    const service = await app.services.catalog.service({ id: booking.serviceId });
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="visit-${booking.id}.ics"`)
      .send(
        visitEvent({
          id: booking.id,
          number: booking.number,
          status: booking.status,
          startsAt: booking.startsAt,
          endsAt: booking.endsAt,
          service: service?.title ?? 'Приём',
          branch: branch?.name ?? 'МФЦ',
          address: branch?.address ?? '',
          now: app.clock.now(),
        }),
      );
  });
  return router;
}
