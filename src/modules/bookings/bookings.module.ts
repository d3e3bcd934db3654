/**
 * The bookings module, assembled: the door service (BookingsService, which is also the queue's
 * VisitOutcomes port), its resolvers, the booking files' REST routes and the bookings' jobs.
 * Other modules come in as doors: accounts, branches and catalog as read-only directories (and the
 * profile for Booking.user), the queue's service for check-in.
 */
import type { CoreDeps } from '../../shared/module.js';
import type { KeyStore } from '../../shared/auth/keys.js';
import type { SignedLinks } from '../../shared/signed-links.js';
import type { ModuleParts } from '../../shared/module.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import { createBookingsBranchLinks } from './bookings.links.js';
import type { AccountsDirectory, ProfileService, SessionGuard } from '../accounts/index.js';
import type { BranchesDirectory, BranchesService } from '../branches/index.js';
import type { CatalogDirectory, CatalogService } from '../catalog/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { BookingsDeps } from './bookings.deps.js';
import { bookingFilesRouter } from './bookings.http.js';
import { bookingJobs } from './bookings.jobs.js';
import { BookingResolver, SlotWatchResolver, TicketBookingResolver } from './bookings.resolver.js';
import { RecommendationSlotResolver } from './recommendation.resolver.js';
import { BookingsService } from './bookings.service.js';
import { toBooking } from './bookings.mappers.js';
import { nodeType } from '../../shared/graphql/relay.js';
import { BookingReadinessResolver } from './readiness.resolver.js';
import { CalendarFeedResolver } from './calendar-feed.resolver.js';
import { CalendarFeedService } from './calendar-feed.service.js';

export interface BookingsModuleDeps extends CoreDeps {
    keys: KeyStore;
  /** Signed file links (ticketUrl, calendarUrl). */
  links: SignedLinks;
  notifications: NotificationsService;
  accounts: AccountsDirectory;
  /** Booking.user: the user as the caller may see them. */
  profile: Pick<ProfileService, 'userById'>;
  /** The booking files' routes check the bearer token. */
  sessions: Pick<SessionGuard, 'authenticate'>;
  branches: { directory: BranchesDirectory; service: Pick<BranchesService, 'branch'> };
  catalog: { directory: CatalogDirectory; service: Pick<CatalogService, 'service'> };
  queue: BookingsDeps['queue'];
  dropJob: BookingsDeps['dropJob'];
  documents: BookingsDeps['documents'];
  feed: BookingsDeps['feed'];
  dependants: BookingsDeps['dependants'];
}

export interface BookingsModule extends ModuleParts {
  bookings: BookingsService;
  /** Whether a citizen has open business at a branch (what lets its operators see them). */
  branchLinks: CitizenBranchLinks;
}

export function createBookingsModule(deps: BookingsModuleDeps): BookingsModule {
  const { config, db, clock, log, pubsub, keys, notifications, accounts, queue, dropJob, documents, feed } = deps;
  const bookings = new BookingsService({ config, db, clock, log, pubsub, notifications, keys, accounts, branches: deps.branches.directory, catalog: deps.catalog.directory, queue, dropJob, documents, feed, dependants: deps.dependants, links: deps.links });
  const feeds = new CalendarFeedService({ db, clock, links: deps.links });
  return {
    bookings,
    branchLinks: createBookingsBranchLinks(db),
    // node(id) and the account feed (accountUpdates) find a booking as the caller may see it.
    nodes: [nodeType('Booking', (viewer, id) => bookings.booking(viewer, id), toBooking)],
    resolvers: [new BookingResolver(bookings, deps.profile, pubsub, db), new BookingReadinessResolver(bookings, db, clock, config), new TicketBookingResolver(db), new SlotWatchResolver(db), new RecommendationSlotResolver(), new CalendarFeedResolver(feeds)],
    routers: [bookingFilesRouter({ sessions: deps.sessions, bookings, feeds, branches: deps.branches.service, catalog: deps.catalog.service, clock })],
    ...bookingJobs(bookings),
    close: () => bookings.close(),
  };
}
