/**
 * Branches: finding them (region, locality, service, distance from a point, open now in their own
 * time zone), and the administrators' edits of branches, hours, exceptions and offered services.
 * Reads are public; edits need ADMIN.
 */
import type { Clock } from '../../shared/clock.js';
import type { Database } from '../../db/client.js';
import { isForeignKeyViolation } from '../../db/errors.js';
import { badField, badInput, forbidden, notFound, type FieldProblem } from '../../shared/errors.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import { decodeOffset, offsetPage, type OffsetPage } from '../../shared/pagination.js';
import * as repo from './branches.repository.js';
import type { BranchRow, HoursRow, RegionRow } from './branches.repository.js';
import { isUuid } from '../../shared/ids.js';

export interface BranchFilterInput {
  regionCode?: string | null;
  locality?: string | null;
  serviceId?: string | null;
  near?: { lat: number; lon: number } | null;
  radiusKm?: number | null;
  openNow?: boolean | null;
  search?: string | null;
}

export interface HoursInput {
  weekday: number;
  opens: string;
  closes: string;
  breakStart?: string | null;
  breakEnd?: string | null;
}

export interface BranchInputData {
  name: string;
  regionCode: string;
  regionName?: string | null;
  locality: string;
  address: string;
  location: { lat: number; lon: number };
  timezone: string;
  phone?: string | null;
  windows: number;
  workingHours?: HoursInput[] | null;
}

/** DOMAIN.md: Mon-Fri 09:00-18:00, Sat 10:00-15:00, Sun closed. */
export const DEFAULT_HOURS: HoursInput[] = [
  ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00' })),
  { weekday: 6, opens: '10:00', closes: '15:00' },
];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

/** Checks weekly hours; problems are reported under `field`.N.name. */
export function validateHours(hours: HoursInput[], field: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<number>();
  hours.forEach((h, i) => {
    const at = `${field}.${i}`;
    if (!Number.isInteger(h.weekday) || h.weekday < 1 || h.weekday > 7) problems.push({ field: `${at}.weekday`, message: 'День недели от 1 (пн) до 7 (вс)' });
    else if (seen.has(h.weekday)) problems.push({ field: `${at}.weekday`, message: 'День недели указан дважды' });
    seen.add(h.weekday);
    for (const k of ['opens', 'closes', 'breakStart', 'breakEnd'] as const) {
      const v = h[k];
      if (v != null && !HHMM.test(v)) problems.push({ field: `${at}.${k}`, message: 'Время в формате ЧЧ:ММ' });
    }
    if (HHMM.test(h.opens) && HHMM.test(h.closes) && h.opens >= h.closes) problems.push({ field: `${at}.closes`, message: 'Закрытие позже открытия' });
    if ((h.breakStart == null) !== (h.breakEnd == null)) problems.push({ field: `${at}.breakEnd`, message: 'Укажите начало и конец перерыва' });
    else if (h.breakStart && h.breakEnd && !(h.opens < h.breakStart && h.breakStart < h.breakEnd && h.breakEnd < h.closes)) {
      problems.push({ field: `${at}.breakStart`, message: 'Перерыв — внутри рабочего времени' });
    }
  });
  return problems;
}

export class BranchesService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  regions(): Promise<RegionRow[]> {
    return repo.listRegions(this.deps.db);
  }

  async branches(
    filter: BranchFilterInput | null | undefined,
    orderBy: 'NAME' | 'DISTANCE' | 'LOAD' | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<OffsetPage<BranchRow & { distanceKm: number | null }>> {
    const limit = Math.min(Math.max(first ?? 20, 1), 100);
    const offset = after ? decodeOffset(after) : 0;
    const problems: FieldProblem[] = [];
    const near = filter?.near ?? null;
    if (near && (Math.abs(near.lat) > 90 || Math.abs(near.lon) > 180)) problems.push({ field: 'filter.near', message: 'Координаты вне диапазона' });
    if (filter?.radiusKm != null && (!near || filter.radiusKm <= 0)) problems.push({ field: 'filter.radiusKm', message: 'Радиус — положительное число вместе с near' });
    if (orderBy === 'DISTANCE' && !near) problems.push({ field: 'orderBy', message: 'Сортировка по расстоянию требует filter.near' });
    if (problems.length > 0) throw badInput(problems);
    if (filter?.serviceId && !isUuid(filter.serviceId)) return offsetPage([], 0, offset);
    const { rows, total } = await repo.searchBranches(this.deps.db, {
      regionCode: filter?.regionCode,
      locality: filter?.locality,
      serviceId: filter?.serviceId,
      near,
      radiusKm: filter?.radiusKm,
      openAt: filter?.openNow ? this.deps.clock.now() : null,
      search: filter?.search,
      orderBy: orderBy ?? 'NAME',
      limit,
      offset,
    });
    return offsetPage(rows, total, offset);
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

  async addScheduleException(
    viewer: Viewer,
    branchId: string,
    input: { date: string; closed: boolean; opens?: string | null; closes?: string | null; note?: string | null },
  ): Promise<BranchRow> {
    if (!hasRole(viewer, 'ADMIN')) throw forbidden();
    const problems: FieldProblem[] = [];
    if (!input.closed) {
      if (!input.opens || !HHMM.test(input.opens)) problems.push({ field: 'input.opens', message: 'Время открытия ЧЧ:ММ' });
      if (!input.closes || !HHMM.test(input.closes)) problems.push({ field: 'input.closes', message: 'Время закрытия ЧЧ:ММ' });
      if (input.opens && input.closes && input.opens >= input.closes) problems.push({ field: 'input.closes', message: 'Закрытие позже открытия' });
    }
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
    try {
      await this.deps.db.transaction((tx) => repo.replaceServices(tx, branch.id, [...new Set(serviceIds)]));
    } catch (err) {
      if (isForeignKeyViolation(err)) throw badField('serviceIds', 'Среди услуг есть неизвестная');
      throw err;
    }
    return branch;
  }

  private async requireBranch(id: string): Promise<BranchRow> {
    const branch = await this.branch(id);
    if (!branch) throw notFound('Отделение');
    return branch;
  }

  private validate(input: BranchInputData): repo.NewBranchRow {
    const problems: FieldProblem[] = [];
    for (const field of ['name', 'regionCode', 'locality', 'address'] as const) if (!input[field].trim()) problems.push({ field: `input.${field}`, message: 'Поле обязательно' });
    if (!/^[0-9A-Za-z-]{1,10}$/.test(input.regionCode.trim())) problems.push({ field: 'input.regionCode', message: 'Код региона, например 77' });
    if (Math.abs(input.location.lat) > 90 || Math.abs(input.location.lon) > 180) problems.push({ field: 'input.location', message: 'Координаты вне диапазона' });
    if (!isTimeZone(input.timezone)) problems.push({ field: 'input.timezone', message: 'Часовой пояс IANA, например Europe/Moscow' });
    if (!Number.isInteger(input.windows) || input.windows < 1 || input.windows > 200) problems.push({ field: 'input.windows', message: 'От 1 до 200 окон' });
    if (input.workingHours) problems.push(...validateHours(input.workingHours, 'input.workingHours'));
    if (problems.length > 0) throw badInput(problems);
    return {
      name: input.name.trim(),
      regionCode: input.regionCode.trim(),
      locality: input.locality.trim(),
      address: input.address.trim(),
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
