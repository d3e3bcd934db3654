/**
 * Files of a booking over HTTP, for its owner only (bearer token or a signed link): the iCalendar
 * event and the PDF ticket; and the citizen's webcal feed of visits (`/calendar/<secret>.ics`).
 */
import { Router, type Request, type Response } from 'express';
import { checkBearer, sendLoginRequired, sendTokenRefused } from '../../shared/auth/rest-auth.js';
import type { TokenRejection } from '../../shared/auth/tokens.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { LINK_PARAM } from '../../shared/signed-links.js';
import { sendRestError } from '../../shared/http-errors.js';
import type { Clock } from '../../shared/clock.js';
import type { SessionGuard } from '../accounts/index.js';
import type { BranchesService } from '../branches/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { BookingRow } from './bookings.repository.js';
import type { BookingsService } from './bookings.service.js';
import { visitEvent, visitsFeed, type CalendarVisit } from './calendar.js';
import type { CalendarFeedService } from './calendar-feed.service.js';
import { ticketPdf } from './ticket-pdf.js';

/** What the routes use: the session check, the bookings door, and the branch and service of a booking. */
export interface BookingFilesDeps {
  sessions: Pick<SessionGuard, 'authenticate'>;
  bookings: BookingsService;
  branches: Pick<BranchesService, 'branch'>;
  catalog: Pick<CatalogService, 'service'>;
  /** The webcal feed's tokens and visits. */
  feeds: Pick<CalendarFeedService, 'visits'>;
  clock: Clock;
}


/** Who is calling: a bearer token, or else a signed link (`?sig=`, from ticketUrl / calendarUrl). */
async function viewerOf(deps: BookingFilesDeps, req: Request): Promise<{ viewer: Viewer | null; byLink: boolean; refused?: TokenRejection }> {
  const check = await checkBearer(deps.sessions, req.header('authorization'));
  if (check.kind === 'user') return { viewer: check.viewer, byLink: false };
  if (check.kind === 'refused') return { viewer: null, byLink: false, refused: check.reason };
  if (req.query[LINK_PARAM] === undefined) return { viewer: null, byLink: false };
  return { viewer: await deps.bookings.linkViewer(req.path, req.query[LINK_PARAM]), byLink: true };
}

/** The caller's own booking, or null after answering 401/404 (not found and not yours look alike). */
async function ownBooking(deps: BookingFilesDeps, req: Request, res: Response): Promise<BookingRow | null> {
  const { viewer, byLink, refused } = await viewerOf(deps, req);
  if (!viewer) {
    if (refused) sendTokenRefused(res, refused);
    else if (byLink) sendRestError(res, 401, 'UNAUTHENTICATED', 'Ссылка устарела или недействительна: получите новую', { reason: 'LINK_INVALID' });
    else sendLoginRequired(res, 'Требуется вход в личный кабинет');
    return null;
  }
  const booking = await deps.bookings.booking(viewer, String(req.params.id));
  if (!booking || booking.userId !== viewer.userId) {
    sendRestError(res, 404, 'NOT_FOUND', 'Запись не найдена');
    return null;
  }
  return booking;
}

/** How often subscribed calendar apps are asked to re-read the feed. */
const FEED_REFRESH_MINUTES = 60;

interface Place {
  branch: string;
  address: string;
  service: string;
}

/** A booking as a calendar visit; branch and service names looked up once per (branch, service) in `cache`. */
async function visitOf(deps: BookingFilesDeps, b: BookingRow, cache: Map<string, Promise<Place>>): Promise<CalendarVisit> {
  const key = `${b.branchId}/${b.serviceId}`;
  let place = cache.get(key);
  if (!place) {
    place = Promise.all([deps.branches.branch(b.branchId), deps.catalog.service({ id: b.serviceId })]).then(([branch, service]) => ({
      branch: branch?.name ?? 'МФЦ',
      address: branch?.address ?? '',
      service: service?.title ?? 'Приём',
    }));
    cache.set(key, place);
  }
  const { branch, address, service } = await place;
  return { id: b.id, number: b.number, status: b.status, startsAt: b.startsAt, endsAt: b.endsAt, rescheduleCount: b.rescheduleCount, updatedAt: b.updatedAt, service, branch, address, now: deps.clock.now() };
}

export function bookingFilesRouter(deps: BookingFilesDeps): Router {
  const router = Router();
  router.get('/bookings/:id/ticket.pdf', async (req: Request, res: Response) => {
    const booking = await ownBooking(deps, req, res);
    if (!booking) return;
    if (booking.status !== 'CONFIRMED') {
      sendRestError(res, 409, 'PRECONDITION_FAILED', 'Талон доступен после подтверждения записи', { rule: 'BOOKING_CONFIRMED' });
      return;
    }
    const branch = await deps.branches.branch(booking.branchId);
    const service = await deps.catalog.service({ id: booking.serviceId });
    const localDateTime = new Intl.DateTimeFormat('ru-RU', { timeZone: branch?.timezone ?? 'Europe/Moscow', dateStyle: 'long', timeStyle: 'short' }).format(booking.startsAt);
    const pdf = await ticketPdf({
      number: booking.number,
      branch: branch?.name ?? 'МФЦ',
      address: branch?.address ?? '',
      localDateTime,
      service: service?.title ?? 'Приём',
      ticketCode: await deps.bookings.ticketCode(booking),
      createdAt: booking.createdAt,
    });
    res.status(200).type('application/pdf').setHeader('content-disposition', `attachment; filename="ticket-${booking.id}.pdf"`).send(pdf);
  });

  router.get('/bookings/:id/event.ics', async (req: Request, res: Response) => {
    const booking = await ownBooking(deps, req, res);
    if (!booking) return;
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="visit-${booking.id}.ics"`)
      .send(visitEvent(await visitOf(deps, booking, new Map())));
  });

  // The webcal feed: the secret token in the path is the credential (calendar apps send no header).
  router.get('/calendar/:file', async (req: Request, res: Response) => {
    const file = String(req.params.file);
    const rows = file.endsWith('.ics') ? await deps.feeds.visits(file.slice(0, -4)) : null;
    if (!rows) return sendRestError(res, 404, 'NOT_FOUND', 'Календарь не найден: возьмите новый адрес в личном кабинете');
    const cache = new Map<string, Promise<Place>>();
    const visits = await Promise.all(rows.map((b) => visitOf(deps, b, cache)));
    res.status(200).type('text/calendar; charset=utf-8').setHeader('cache-control', 'private, max-age=300').send(visitsFeed(visits, FEED_REFRESH_MINUTES));
  });
  return router;
}
