/** Files of a booking over HTTP, for its owner only (bearer token): the iCalendar event. */
import { Router, type Request, type Response } from 'express';
import type { App } from '../../app.js';
import { bearer } from '../../shared/auth/bearer.js';
import { visitEvent } from './calendar.js';

export function bookingFilesRouter(app: App): Router {
  const router = Router();
  router.get('/bookings/:id/event.ics', async (req: Request, res: Response) => {
    const token = bearer(req.header('authorization'));
    const viewer = token ? await app.services.accounts.sessions.viewerFromToken(token) : null;
    if (!viewer) {
      res.status(401).json({ error: 'UNAUTHENTICATED' });
      return;
    }
    const id = String(req.params.id);
    const booking = await app.services.bookings.booking(viewer, id);
    // Not found and not yours look alike: ids of other people's bookings are not confirmed.
    if (!booking || booking.userId !== viewer.userId) {
      res.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
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
