/**
 * Branches: finding them (region, locality, service, distance from a point, open now in their own
 * time zone), and the administrators' edits of branches, hours, exceptions and offered services.
 * Reads are public; edits need ADMIN. The rules (valid hours, defaults, limits) are in
 * branches.rules.ts.
 */
import type { Clock } from '../../shared/clock.js';
import type { Database } from '../../db/client.js';
import { badField, badInput, forbidden, notFound } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { decodeOffset, offsetPage, type OffsetPage } from '../../shared/pagination.js';
import * as repo from './branches.repository.js';
import type { BranchRow, HoursRow, RegionRow } from './branches.repository.js';
import { isUuid } from '../../shared/ids.js';
import { DEFAULT_HOURS, pageSize, validateBranch, validateException, validateHours, validateSearch, type BranchInputData, type ExceptionInput, type HoursInput } from './branches.rules.js';
import { stripBidiControls } from '../../shared/bidi.js';

export interface BranchFilterInput {
  regionCode?: string | null;
  locality?: string | null;
  serviceId?: string | null;
  near?: { lat: number; lon: number } | null;
  radiusKm?: number | null;
  openNow?: boolean | null;
  search?: string | null;
}

export class BranchesService {
  constructor(private readonly deps: { db: Database; clock: Clock; suggestionsMax: number }) {}

  regions(): Promise<RegionRow[]> {
    return repo.listRegions(this.deps.db);
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
    const search = (at: string | null | undefined) => repo.searchBranches(this.deps.db, {
      regionCode: filter?.regionCode,
      locality: at,
      serviceId: filter?.serviceId,
      near: filter?.near ?? null,
      radiusKm: filter?.radiusKm,
      openAt: filter?.openNow ? this.deps.clock.now() : null,
      search: filter?.search,
      orderBy: orderBy ?? 'NAME',
      limit,
      offset,
    });
    let { rows, total } = await search(locality);
    // A mistyped locality ("Екатеренбург"): the closest one with branches (pg_trgm) is searched instead.
    if (total === 0 && locality?.trim()) {
      const [closest] = await repo.similarLocalities(this.deps.db, { text: locality.trim(), regionCode: filter?.regionCode, limit: 1 });
      if (closest && closest.toLowerCase() !== locality.trim().toLowerCase()) {
        locality = closest;
        ({ rows, total } = await search(locality));
      }
    }
    return offsetPage(rows, total, offset);
  }

  /** "Возможно, вы имели в виду": localities with branches spelled like the text (pg_trgm), best first. */
  localitySuggestions(text: string, regionCode: string | null | undefined): Promise<string[]> {
    const t = text.trim().slice(0, 100);
    if (!t) return Promise.resolve([]);
    return repo.similarLocalities(this.deps.db, { text: t, regionCode, limit: this.deps.suggestionsMax });
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
    return this.deps.db.transaction(async (tx) => {
      await repo.upsertRegion(tx, values.regionCode, input.regionName?.trim() || null);
      const branch = await repo.insertBranch(tx, values);
      await repo.replaceHours(tx, branch.id, hours.map(toHoursRow));
      return branch;
    });
  }

  async updateBranch(viewer: Viewer, id: string, input: BranchInputData): Promise<BranchRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const values = this.validate(input);
    return this.deps.db.transaction(async (tx) => {
      await repo.upsertRegion(tx, values.regionCode, input.regionName?.trim() || null);
      const branch = isUuid(id) ? await repo.updateBranch(tx, id, values) : undefined;
      if (!branch) throw notFound('Отделение');
      if (input.workingHours) await repo.replaceHours(tx, branch.id, input.workingHours.map(toHoursRow));
      return branch;
    });
  }

  async setWorkingHours(viewer: Viewer, branchId: string, hours: HoursInput[]): Promise<BranchRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const problems = validateHours(hours, 'hours');
    if (problems.length > 0) throw badInput(problems);
    const branch = await this.requireBranch(branchId);
    await this.deps.db.transaction((tx) => repo.replaceHours(tx, branch.id, hours.map(toHoursRow)));
    return branch;
  }

  async addScheduleException(viewer: Viewer, branchId: string, input: ExceptionInput): Promise<BranchRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const problems = validateException(input);
    if (problems.length > 0) throw badInput(problems);
    const branch = await this.requireBranch(branchId);
    await repo.upsertException(this.deps.db, {
      branchId: branch.id,
      date: input.date,
      closed: input.closed,
      opens: input.closed ? null : (input.opens ?? null),
      closes: input.closed ? null : (input.closes ?? null),
      note: input.note?.trim() || null,
    });
    return branch;
  }

  async setBranchServices(viewer: Viewer, branchId: string, serviceIds: string[]): Promise<BranchRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const bad = serviceIds.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw badField(`serviceIds.${bad}`, 'Неизвестная услуга');
    const branch = await this.requireBranch(branchId);
    const result = await repo.replaceServices(this.deps.db, branch.id, [...new Set(serviceIds)]);
    if (result === 'UNKNOWN_SERVICE') throw badField('serviceIds', 'Среди услуг есть неизвестная');
    return branch;
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
