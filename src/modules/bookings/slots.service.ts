/**
 * The places of a branch's service: slots from the branch's schedule (weekly hours and dated
 * exceptions, read through the branches door) and places left from `slot_places`. Also answers
 * which offer (branch, service, capacity) a booking is for.
 */
import type { ServiceRow } from '../catalog/index.js';
import type { BranchRow } from '../branches/index.js';
import { badField, badInput, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { localDay } from '../../shared/days.js';
import type { BookingsDeps } from './bookings.deps.js';
import * as repo from './bookings.repository.js';
import { daysBetween, MAX_RANGE_DAYS, placesOf, SLOT_MINUTES } from './bookings.rules.js';
import { generateSlots, slotStartingAt, type GeneratedSlot, type SlotRules } from './slots.js';
import { FullPlaces } from './full-places.js';
import { placesFreedTopic, type PlacesFreedEvent } from './bookings.events.js';
import type { TopicEvents } from '../../shared/pubsub.js';

export interface SlotView {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  available: number;
}

export interface Offer {
  branch: BranchRow;
  service: ServiceRow;
  capacity: number;
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

/** The answer for a service the branch does not (or no longer) take appointments for. */
export const notOffered = () => badInput([{ field: 'serviceId', message: 'Эта услуга не оказывается в выбранном отделении' }]);

function bookableOrThrow(branch: BranchRow, service: ServiceRow | undefined, offered: boolean): Omit<Offer, 'capacity'> {
  if (!service || service.archivedAt || !offered) throw notOffered();
  if (!service.requiresAppointment) throw badInput([{ field: 'serviceId', message: 'На эту услугу запись не нужна' }]);
  return { branch, service };
}

export class SlotsService {
  /** Places this instance saw fill up (a booking of one is refused without SQL for a moment). */
  readonly full: FullPlaces;
  /** Places freed through any instance (placesFreedTopic), while the memory is on. */
  private readonly freedEvents: TopicEvents<PlacesFreedEvent> | null = null;

  constructor(private readonly deps: Pick<BookingsDeps, 'config' | 'db' | 'clock' | 'branches' | 'catalog' | 'pubsub' | 'log'>) {
    this.full = new FullPlaces(deps.config.BOOKING_FULL_PLACE_MEMORY_MS);
    if (deps.config.BOOKING_FULL_PLACE_MEMORY_MS > 0) {
      this.freedEvents = deps.pubsub.subscribe(placesFreedTopic);
      void this.hearFreed(this.freedEvents);
    }
  }

  /** After the commit of a change that gave places back: they are booked normally again at once, on every instance. */
  placesFreed(b: { branchId: string; serviceId: string; startsAt: Date; endsAt: Date }): void {
    const places = placesOf(b.startsAt, b.endsAt);
    this.full.freed(b.branchId, b.serviceId, places);
    this.tell({ branchId: b.branchId, serviceId: b.serviceId, places: places.map((p) => p.getTime()) });
  }

  /** After the commit of a capacity change: nothing of the offer is known full any more, on any instance. */
  capacityChanged(branchId: string, serviceId: string): void {
    this.full.forgetOffer(branchId, serviceId);
    this.tell({ branchId, serviceId, places: null });
  }

  /** Stops hearing other instances' freed places (the app closes). */
  async close(): Promise<void> {
    await this.freedEvents?.return?.();
  }

  private tell(event: PlacesFreedEvent): void {
    if (!this.freedEvents) return;
    try {
      this.deps.pubsub.publish(placesFreedTopic, event);
    } catch (err) {
      // The other instances still forget the places within BOOKING_FULL_PLACE_MEMORY_MS.
      this.deps.log.warn({ err }, 'could not broadcast freed places');
    }
  }

  private async hearFreed(events: AsyncIterable<PlacesFreedEvent>): Promise<void> {
    try {
      for await (const e of events) {
        if (e.places) this.full.freed(e.branchId, e.serviceId, e.places.map((p) => new Date(p)));
        else this.full.forgetOffer(e.branchId, e.serviceId);
      }
    } catch (err) {
      this.deps.log.warn({ err: String(err) }, 'freed places feed ended');
    }
  }

  async availableSlots(branchId: string, serviceId: string, from: string, to: string): Promise<SlotView[]> {
    const { branch, service, capacity } = await this.offer(branchId, serviceId);
    if (to < from) throw badField('to', 'Конец периода раньше начала');
    if (daysBetween(from, to) > MAX_RANGE_DAYS) throw badField('to', `Не больше ${MAX_RANGE_DAYS} дней за запрос`);
    const slots = await this.slotsOf(branch, service, from, to);
    if (slots.length === 0) return [];
    const first = slots[0]?.startsAt ?? new Date();
    const last = slots.at(-1)?.endsAt ?? new Date();
    const taken = await repo.takenBetween(this.deps.db, { branchId: branch.id, serviceId: service.id, from: first, to: last });
    return slots.map((s) => {
      const used = Math.max(...placesOf(s.startsAt, s.endsAt).map((p) => taken.get(p.getTime()) ?? 0));
      return { startsAt: s.startsAt, endsAt: s.endsAt, capacity, available: Math.max(0, capacity - used) };
    });
  }

  async availableDates(branchId: string, serviceId: string, from: string, to: string): Promise<string[]> {
    const slots = await this.availableSlots(branchId, serviceId, from, to);
    const { branch } = await this.offer(branchId, serviceId);
    return [...new Set(slots.filter((s) => s.available > 0).map((s) => localDay(s.startsAt, branch.timezone)))];
  }

  /** The branch, the service and its capacity there; BAD_USER_INPUT when the branch does not take appointments for it. */
  async offer(branchId: string, serviceId: string): Promise<Offer> {
    const { branch, service } = await this.lookup(branchId, serviceId);
    const capacity = service ? await repo.capacityOf(this.deps.db, branch.id, service.id) : null;
    return { ...bookableOrThrow(branch, service, capacity !== null), capacity: capacity ?? 0 };
  }

  /**
   * The branch and the service as far as the public cache tells (no SQL): what a booking checks
   * before its one statement, which itself reads the capacity and so refuses an offer that is gone.
   */
  async bookable(branchId: string, serviceId: string): Promise<Omit<Offer, 'capacity'>> {
    const { branch, service } = await this.lookup(branchId, serviceId);
    return bookableOrThrow(branch, service, true);
  }

  private async lookup(branchId: string, serviceId: string): Promise<{ branch: BranchRow; service: ServiceRow | undefined }> {
    const { branches, catalog } = this.deps;
    const [branch] = isUuid(branchId) ? await branches.branchesByIds([branchId]) : [];
    if (!branch) throw notFound('Отделение');
    const [service] = isUuid(serviceId) ? await catalog.servicesByIds([serviceId]) : [];
    return { branch, service };
  }

  /** The slot starting exactly at `startsAt`, if the schedule has one (that day's list is not built). */
  async slotAt(branch: BranchRow, service: ServiceRow, startsAt: Date): Promise<GeneratedSlot | null> {
    const day = localDay(startsAt, branch.timezone);
    return slotStartingAt(await this.rules(branch, service, day, day), startsAt);
  }

  private async slotsOf(branch: BranchRow, service: ServiceRow, from: string, to: string): Promise<GeneratedSlot[]> {
    return generateSlots(await this.rules(branch, service, from, to));
  }

  /** The branch's schedule for the days and the service's length, as slot generation takes them. */
  private async rules(branch: BranchRow, service: ServiceRow, from: string, to: string): Promise<SlotRules> {
    const { config, clock, branches } = this.deps;
    const [hours, exceptions] = await Promise.all([branches.hoursOf([branch.id]), branches.exceptionsOf([branch.id], from, to)]);
    return {
      timezone: branch.timezone,
      hours: hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes, breakStart: hhmm(h.breakStart), breakEnd: hhmm(h.breakEnd) })),
      exceptions: exceptions.map((e) => ({ date: e.date, closed: e.closed, opens: hhmm(e.opens), closes: hhmm(e.closes) })),
      now: clock.now(),
      durationMinutes: service.appointmentMinutes,
      slotMinutes: SLOT_MINUTES,
      leadMinutes: config.BOOKING_LEAD_MINUTES,
      horizonDays: config.BOOKING_HORIZON_DAYS,
      fromDate: from,
      toDate: to,
    };
  }
}
