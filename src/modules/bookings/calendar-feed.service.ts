/**
 * The citizen's subscribable calendar (webcal) of their visits. The secret URL is
 * `/calendar/<token>.ics` with token = base64url(user id ‖ generation ‖ HMAC tag): nothing secret is
 * stored, and `resetCalendarFeed` moves the user to the next generation, so every earlier URL stops
 * working at once. The feed needs no header (calendar apps send none) and shows visits from
 * FEED_PAST_DAYS ago on, cancelled ones included (STATUS:CANCELLED, higher SEQUENCE).
 */
import type { Viewer } from '../../shared/auth/viewer.js';
import type { BookingsDeps } from './bookings.deps.js';
import type { BookingRow } from './bookings.repository.js';
import * as repo from './calendar-feed.repository.js';

const PURPOSE = 'calendar-feed';
/** Visits older than this stay out of the feed. */
const FEED_PAST_DAYS = 30;
const FEED_MAX_EVENTS = 500;

export interface CalendarFeedUrls {
  url: string;
  webcalUrl: string;
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidText = (b: Buffer) => b.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

export class CalendarFeedService {
  constructor(private readonly deps: Pick<BookingsDeps, 'db' | 'clock' | 'links'>) {}

  private token(userId: string, generation: number): string {
    const head = Buffer.concat([uuidBytes(userId), Buffer.alloc(4)]);
    head.writeUInt32BE(generation, 16);
    return Buffer.concat([head, this.deps.links.tag(PURPOSE, head)]).toString('base64url');
  }

  private urls(userId: string, generation: number): CalendarFeedUrls {
    const url = `${this.deps.links.baseUrl}/calendar/${this.token(userId, generation)}.ics`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
  }

  /** The caller's feed addresses (of their own visits). */
  async feed(viewer: Viewer): Promise<CalendarFeedUrls> {
    return this.urls(viewer.userId, await repo.feedGeneration(this.deps.db, viewer.userId));
  }

  /** A new secret address; the earlier ones stop working. */
  async reset(viewer: Viewer): Promise<CalendarFeedUrls> {
    return this.urls(viewer.userId, await repo.nextFeedGeneration(this.deps.db, viewer.userId, this.deps.clock.now()));
  }

  /** The visits behind a feed token, or null when the token is forged or of an earlier generation. */
  async visits(token: string): Promise<BookingRow[] | null> {
    const raw = Buffer.from(token, 'base64url');
    if (raw.length !== 36 || raw.toString('base64url') !== token) return null;
    const head = raw.subarray(0, 20);
    if (!this.deps.links.tag(PURPOSE, head).equals(raw.subarray(20))) return null;
    const userId = uuidText(head.subarray(0, 16));
    if ((await repo.feedGeneration(this.deps.db, userId)) !== head.readUInt32BE(16)) return null;
    const since = new Date(this.deps.clock.now().getTime() - FEED_PAST_DAYS * 86_400_000);
    return repo.feedBookings(this.deps.db, userId, since, FEED_MAX_EVENTS);
  }
}
