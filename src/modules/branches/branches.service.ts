/**
 * Branches: finding them (region, locality, service, distance from a point, open now in their own
 * time zone), and the administrators' edits of branches, hours, exceptions and offered services.
 * Reads are public; edits need ADMIN. The rules (valid hours, defaults, limits) are in
 * branches.rules.ts.
 */
import type { Clock } from '../../shared/clock.js';
import type { Database, Executor } from '../../db/client.js';
import { badField, badInput, forbidden, notFound } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { decodeOffset, offsetPage, type OffsetPage } from '../../shared/pagination.js';
import * as repo from './branches.repository.js';
import type { BranchRow, HoursRow, RegionRow } from './branches.repository.js';
import { isUuid } from '../../shared/ids.js';
import { DEFAULT_HOURS, pageSize, validateBranch, validateException, validateHours, validateSearch, type BranchInputData, type ExceptionInput, type HoursInput } from './branches.rules.js';
import { stripBidiControls } from '../../shared/bidi.js';
import { PUBLIC_READS, type PublicCache } from '../../shared/public-cache.js';
import type { ScheduleChange, ScheduleChangeListener } from './branches.ports.js';

export interface BranchFilterInput {
  regionCode?: string | null;
  locality?: string | null;
  serviceId?: string | null;
  near?: { lat: number; lon: number } | null;
  radiusKm?: number | null;
  openNow?: boolean | null;
  search?: string | null;
}

/** A branch as a schedule change answers it: how many bookings the change cancelled. */
export type ScheduleChangeResult = BranchRow & { cancelledBookings: number };

/** Reasons told to citizens whose bookings a schedule change cancels (an exception's note wins). */
export const HOURS_CHANGED_REASON = 'изменился график работы отделения';
export const DAY_CHANGED_REASON = 'изменился график работы отделения в этот день';

export class BranchesService {
  /** `cache`: public reads shared by the instances; every edit here invalidates them once committed. */
  constructor(private readonly deps: { db: Database; reads: Database; clock: Clock; cache?: PublicCache; scheduleListener: ScheduleChangeListener; suggestionsMax: number }) {}

  regions(): Promise<RegionRow[]> {
    return this.cached('branches:regions', () => repo.listRegions(this.deps.db));
  }

  async branches(
    filter: BranchFilterInput | null | undefined,
    orderBy: 'NAME' | 'DISTANCE' | 'LOAD' | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<OffsetPage<BranchRow & { distanceKm: number | null }>> {
    const limit = pageSize(first);
    const offset = after ? decodeOffset(after) : 0;
    const problems = validateSearch(filter, orderBy);
    if (problems.length > 0) throw badInput(problems);
    if (filter?.serviceId && !isUuid(filter.serviceId)) return offsetPage([], 0, offset);
    let locality = filter?.locality;
    const searchAt = (at: string | null | undefined): repo.BranchSearch => ({
      regionCode: filter?.regionCode,
      locality: at,
      serviceId: filter?.serviceId,
      near: filter?.near ?? null,
      radiusKm: filter?.radiusKm,
      // Opening is judged per minute (hours are whole minutes), so a page stays shareable for one.
      openAt: filter?.openNow ? minuteOf(this.deps.clock.now()) : null,
      search: filter?.search,
      orderBy: orderBy ?? 'NAME',
      limit,
      offset,
    });
    const read = (at: string | null | undefined) => {
      const search = searchAt(at);
      // The LOAD order follows live figures: never from the cache, so from a replica (lag-tolerant).
      // Cached pages are filled from the primary: a refill right after an admin change must see it.
      return search.orderBy === 'LOAD' ? repo.searchBranches(this.deps.reads, search) : this.cached(`branches:search:${JSON.stringify(search)}`, () => repo.searchBranches(this.deps.db, search));
    };
    let { rows, total } = await read(locality);
    // A mistyped locality ("Екатеренбург"): the closest one with branches (pg_trgm) is searched instead.
    if (total === 0 && locality?.trim()) {
      const [closest] = await repo.similarLocalities(this.deps.reads, { text: locality.trim(), regionCode: filter?.regionCode, limit: 1 });
      if (closest && closest.toLowerCase() !== locality.trim().toLowerCase()) {
        locality = closest;
        ({ rows, total } = await read(locality));
      }
    }
    return offsetPage(rows, total, offset);
  }

  /** "Возможно, вы имели в виду": localities with branches spelled like the text (pg_trgm), best first. */
  localitySuggestions(text: string, regionCode: string | null | undefined): Promise<string[]> {
    const t = text.trim().slice(0, 100);
    if (!t) return Promise.resolve([]);
    return repo.similarLocalities(this.deps.reads, { text: t, regionCode, limit: this.deps.suggestionsMax });
  }

  async branch(id: string): Promise<BranchRow | null> {
    if (!isUuid(id)) return null;
    return (await repo.findBranchesByIds(this.deps.db, [id]))[0] ?? null;
  }

  // ---------------------------------------------------------------- administration

  async createBranch(viewer: Viewer, input: BranchInputData): Promise<BranchRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const values = this.validate(input);
    const hours = input.workingHours ?? DEFAULT_HOURS;
    const created = await this.deps.db.transaction(async (tx) => {
      await repo.upsertRegion(tx, values.regionCode, input.regionName?.trim() || null);
      const branch = await repo.insertBranch(tx, values);
      await repo.replaceHours(tx, branch.id, hours.map(toHoursRow));
      return branch;
    });
    return this.changed(created);
  }

  async updateBranch(viewer: Viewer, id: string, input: BranchInputData): Promise<BranchRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const values = this.validate(input);
    const updated = await this.deps.db.transaction(async (tx) => {
      await repo.upsertRegion(tx, values.regionCode, input.regionName?.trim() || null);
      const branch = isUuid(id) ? await repo.updateBranch(tx, id, values) : undefined;
      if (!branch) throw notFound('Отделение');
      if (input.workingHours) await repo.replaceHours(tx, branch.id, input.workingHours.map(toHoursRow));
      return branch;
    });
    return this.changed(updated);
  }

  async setWorkingHours(viewer: Viewer, branchId: string, hours: HoursInput[]): Promise<ScheduleChangeResult> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const problems = validateHours(hours, 'hours');
    if (problems.length > 0) throw badInput(problems);
    const branch = await this.requireBranch(branchId);
    return this.changeSchedule(branch, { branchId: branch.id, reason: HOURS_CHANGED_REASON }, (tx) => repo.replaceHours(tx, branch.id, hours.map(toHoursRow)));
  }

  async addScheduleException(viewer: Viewer, branchId: string, input: ExceptionInput): Promise<ScheduleChangeResult> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const problems = validateException(input);
    if (problems.length > 0) throw badInput(problems);
    const branch = await this.requireBranch(branchId);
    const note = input.note?.trim() || null;
    const change = { branchId: branch.id, date: input.date, reason: note ?? DAY_CHANGED_REASON };
    return this.changeSchedule(branch, change, (tx) =>
      repo.upsertException(tx, {
        branchId: branch.id,
        date: input.date,
        closed: input.closed,
        opens: input.closed ? null : (input.opens ?? null),
        closes: input.closed ? null : (input.closes ?? null),
        note,
      }),
    );
  }

  /**
   * Writes a schedule change and, in the same transaction, lets the listener (bookings) cancel
   * what the new schedule closes: both commit together or not at all.
   */
  private async changeSchedule(branch: BranchRow, change: ScheduleChange, write: (tx: Executor) => Promise<void>): Promise<ScheduleChangeResult> {
    const outcome = await this.deps.db.transaction(async (tx) => {
      await write(tx);
      return this.deps.scheduleListener.scheduleChanged(tx, change);
    });
    await outcome.afterCommit();
    return this.changed({ ...branch, cancelledBookings: outcome.cancelled });
  }

  async setBranchServices(viewer: Viewer, branchId: string, serviceIds: string[]): Promise<BranchRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const bad = serviceIds.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw badField(`serviceIds.${bad}`, 'Неизвестная услуга');
    const branch = await this.requireBranch(branchId);
    const result = await repo.replaceServices(this.deps.db, branch.id, [...new Set(serviceIds)]);
    if (result === 'UNKNOWN_SERVICE') throw badField('serviceIds', 'Среди услуг есть неизвестная');
    return this.changed(branch);
  }

  private cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    return this.deps.cache ? this.deps.cache.get(PUBLIC_READS, key, read) : read();
  }

  /** After a committed edit: every instance reads branches (and what they offer) afresh. */
  private async changed<T>(result: T): Promise<T> {
    await this.deps.cache?.invalidate(PUBLIC_READS);
    return result;
  }

  private async requireBranch(id: string): Promise<BranchRow> {
    const branch = await this.branch(id);
    if (!branch) throw notFound('Отделение');
    return branch;
  }

  private validate(input: BranchInputData): repo.NewBranchRow {
    const problems = validateBranch(input);
    if (problems.length > 0) throw badInput(problems);
    return {
      name: stripBidiControls(input.name).trim(),
      regionCode: input.regionCode.trim(),
      locality: stripBidiControls(input.locality).trim(),
      address: stripBidiControls(input.address).trim(),
      lat: input.location.lat,
      lon: input.location.lon,
      timezone: input.timezone,
      phone: input.phone?.trim() || null,
      windows: input.windows,
    };
  }
}

function toHoursRow(h: HoursInput): Omit<HoursRow, 'branchId'> {
  return { weekday: h.weekday, opens: h.opens, closes: h.closes, breakStart: h.breakStart ?? null, breakEnd: h.breakEnd ?? null };
}

function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}
