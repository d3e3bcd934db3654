/**
 * The branch's expected day and where to go now (DOMAIN.md, "Electronic queue, continued"): raw
 * load samples are aggregated by local hour of week (kept LOAD_AGGREGATE_WEEKS); a day's forecast
 * gives, per opening hour, the mean wait of that hour over the kept weeks (LOW and 0 where there
 * is no history, never an invented figure) and the free appointment places of a service in it,
 * asked of the owner of bookings (FreePlaces port). The recommendation ranks branches offering a
 * service near a point by the time until the citizen can be served: a walk-in's wait now where
 * the branch is open, or the time until its next free place, whichever is sooner.
 */
import type { QueueDeps } from './queue.deps.js';
import { badField, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { addDays, isoWeekday, localDay, zonedInstant } from '../../shared/days.js';
import { openStretches, type BranchRow } from '../branches/index.js';
import type { LoadService } from './load.service.js';
import * as repo from './load.repository.js';
import type { FreePlace } from './queue.ports.js';
import { hourOfWeek, minutesUntilServed, openingHours } from './queue.rules.js';

export interface HourForecast {
  from: Date;
  to: Date;
  expectedWaitMinutes: number;
  level: 'LOW' | 'MEDIUM' | 'HIGH';
  freeSlots: number;
}

export interface Recommendation {
  branch: BranchRow;
  distanceKm: number | null;
  waitNowMinutes: number;
  nextFreeSlot: FreePlace | null;
  /** Minutes until the citizen can be served there (null: neither open now nor a free place). */
  servedInMinutes: number | null;
}

const WEEK_MS = 7 * 86_400_000;
/** The owner of bookings answers at most a month of places per request. */
const PLACES_SPAN_DAYS = 30;

export class ForecastService {
  constructor(
    private readonly deps: QueueDeps,
    private readonly load: LoadService,
  ) {}

  /** The periodic job: hourly aggregates from the raw samples, and those older than the kept weeks dropped. */
  async aggregate(): Promise<{ hours: number; pruned: number }> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const hours = await repo.aggregateHours(db, new Date(now.getTime() - config.LOAD_HISTORY_HOURS * 3_600_000), now);
    const pruned = await repo.pruneHours(db, new Date(now.getTime() - config.LOAD_AGGREGATE_WEEKS * WEEK_MS));
    return { hours, pruned };
  }

  /** Per opening hour of a local day (default: the branch's today): expected wait, level, free places of the service. */
  async forecast(branch: BranchRow, date: string | null, serviceId: string | null): Promise<HourForecast[]> {
    if (serviceId !== null && !isUuid(serviceId)) throw badField('serviceId', 'Услуга не найдена');
    const now = this.deps.clock.now();
    const day = date ?? localDay(now, branch.timezone);
    const weekday = isoWeekday(day);
    const [hours, exceptions] = await Promise.all([this.deps.branches.hoursOf([branch.id]), this.deps.branches.exceptionsOf([branch.id], day, day)]);
    const open = openingHours(openStretches(day, weekday, hours, exceptions));
    const since = new Date(now.getTime() - this.deps.config.LOAD_AGGREGATE_WEEKS * WEEK_MS);
    const stats = new Map((await repo.hourOfWeekStats(this.deps.reads ?? this.deps.db, branch.id, open.map((h) => hourOfWeek(weekday, h)), since)).map((s) => [s.hourOfWeek, s]));
    const places = serviceId && open.length > 0 ? await this.deps.places.freePlaces(branch.id, serviceId, day, day) : [];
    return open.map((h) => {
      const from = zonedInstant(day, h * 60, branch.timezone);
      const to = zonedInstant(day, (h + 1) * 60, branch.timezone);
      const s = stats.get(hourOfWeek(weekday, h));
      const freeSlots = places.filter((p) => p.startsAt >= from && p.startsAt < to).reduce((n, p) => n + p.available, 0);
      if (!s) return { from, to, expectedWaitMinutes: 0, level: 'LOW', freeSlots };
      return { from, to, expectedWaitMinutes: Math.round(s.waitMinutes), level: this.load.level(s.waiting, s.openWindows), freeSlots };
    });
  }

  /** Branches offering the service within `radiusKm` of `near`, soonest served first (then nearest). */
  async recommend(serviceId: string, near: { lat: number; lon: number }, radiusKm: number | null, first: number | null): Promise<Recommendation[]> {
    const { config, clock, db, catalog, branches } = this.deps;
    const radius = radiusKm ?? 25;
    const count = first ?? 5;
    if (Math.abs(near.lat) > 90 || Math.abs(near.lon) > 180) throw badField('near', 'Координаты вне диапазона');
    if (!(radius > 0 && radius <= config.RECOMMEND_MAX_RADIUS_KM)) throw badField('radiusKm', `Радиус от 0 до ${config.RECOMMEND_MAX_RADIUS_KM} км`);
    if (!Number.isInteger(count) || count < 1 || count > config.RECOMMEND_MAX_RESULTS) throw badField('first', `От 1 до ${config.RECOMMEND_MAX_RESULTS}`);
    const [service] = isUuid(serviceId) ? await catalog.servicesByIds([serviceId]) : [];
    if (!service) throw notFound('Услуга');
    const candidates = await branches.offeringNear(service.id, near, radius, config.RECOMMEND_MAX_RESULTS * 2);
    const ids = candidates.map((b) => b.id);
    const now = clock.now();
    const [figures, open] = await Promise.all([repo.loadFigures(db, ids, now), branches.openAt(ids, now)]);
    const byBranch = new Map(figures.map((f) => [f.branchId, f]));
    const ranked = await Promise.all(
      candidates.map(async (b) => {
        const f = byBranch.get(b.id);
        const waitNowMinutes = f ? this.load.estimateWait(f.waiting + 1, f) : 0;
        const nextFreeSlot = await this.nextFreePlace(b, service.id, now);
        const nextIn = nextFreeSlot ? Math.max(0, Math.ceil((nextFreeSlot.startsAt.getTime() - now.getTime()) / 60_000)) : null;
        const servedInMinutes = minutesUntilServed(open.get(b.id) ? waitNowMinutes : null, nextIn);
        return { branch: b, distanceKm: b.distanceKm, waitNowMinutes, nextFreeSlot, servedInMinutes };
      }),
    );
    const rank = (r: Recommendation) => r.servedInMinutes ?? Number.POSITIVE_INFINITY;
    return ranked.sort((a, b) => rank(a) - rank(b) || (a.distanceKm ?? 0) - (b.distanceKm ?? 0)).slice(0, count);
  }

  private async nextFreePlace(branch: BranchRow, serviceId: string, now: Date): Promise<FreePlace | null> {
    const today = localDay(now, branch.timezone);
    const span = Math.min(this.deps.config.BOOKING_HORIZON_DAYS, PLACES_SPAN_DAYS);
    const places = await this.deps.places.freePlaces(branch.id, serviceId, today, addDays(today, span));
    return places.find((p) => p.available > 0) ?? null;
  }
}
