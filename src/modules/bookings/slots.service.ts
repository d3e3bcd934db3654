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
import { generateSlots, type GeneratedSlot } from './slots.js';

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

export class SlotsService {
  constructor(private readonly deps: Pick<BookingsDeps, 'config' | 'db' | 'clock' | 'branches' | 'catalog'>) {}

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
    const { db, branches, catalog } = this.deps;
    const [branch] = isUuid(branchId) ? await branches.branchesByIds([branchId]) : [];
    if (!branch) throw notFound('Отделение');
    const [service] = isUuid(serviceId) ? await catalog.servicesByIds([serviceId]) : [];
    const capacity = service ? await repo.capacityOf(db, branch.id, service.id) : null;
    if (!service || service.archivedAt || capacity === null) throw badInput([{ field: 'serviceId', message: 'Эта услуга не оказывается в выбранном отделении' }]);
    if (!service.requiresAppointment) throw badInput([{ field: 'serviceId', message: 'На эту услугу запись не нужна' }]);
    return { branch, service, capacity };
  }

  /** The generated slot starting exactly at `startsAt`, if the schedule has one. */
  async slotAt(branch: BranchRow, service: ServiceRow, startsAt: Date): Promise<GeneratedSlot | null> {
    const day = localDay(startsAt, branch.timezone);
    const slots = await this.slotsOf(branch, service, day, day);
    return slots.find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
  }

  private async slotsOf(branch: BranchRow, service: ServiceRow, from: string, to: string): Promise<GeneratedSlot[]> {
    const { config, clock, branches } = this.deps;
    const [hours, exceptions] = await Promise.all([branches.hoursOf([branch.id]), branches.exceptionsOf([branch.id], from, to)]);
    return generateSlots({
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
    });
  }
}
