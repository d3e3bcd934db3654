/**
 * A user's notification preferences: where each category goes and the quiet hours. The owner (or
 * an admin) reads them; the owner changes them; the rest of the module reads them to plan and to
 * fall back. Stored rows only hold what was chosen: the defaults fill in the rest.
 */
import type { Database, Executor } from '../../db/client.js';
import { hasRole, type Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { badInput, forbidden } from '../../shared/errors.js';
import * as repo from './notifications.repository.js';
import { applyChange, defaultPreferences, type PreferencesChange, type StoredPreferences } from './notifications.rules.js';

export class NotificationPreferencesService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  /** The preferences of `userId` as stored (or the defaults), read with `db` (a transaction when inside one). */
  async preferencesOf(db: Executor, userId: string): Promise<StoredPreferences> {
    const row = await repo.findPreferences(db, userId);
    return row ? { categories: row.categories, quietHoursStart: row.quietHoursStart, quietHoursEnd: row.quietHoursEnd, timezone: row.timezone } : defaultPreferences();
  }

  /** The preferences of `userId` as its owner (or an admin) sees them. */
  async preferences(viewer: Viewer, userId: string): Promise<StoredPreferences> {
    if (viewer.userId !== userId && !hasRole(viewer, 'ADMIN')) throw forbidden('Настройки уведомлений видит только их владелец');
    return this.preferencesOf(this.deps.db, userId);
  }

  async updatePreferences(viewer: Viewer, change: PreferencesChange): Promise<StoredPreferences> {
    const current = await this.preferencesOf(this.deps.db, viewer.userId);
    const result = applyChange(current, change);
    if (!result.ok) throw badInput(result.problems);
    const v = result.value;
    await repo.upsertPreferences(this.deps.db, { userId: viewer.userId, categories: v.categories, quietHoursStart: v.quietHoursStart, quietHoursEnd: v.quietHoursEnd, timezone: v.timezone, updatedAt: this.deps.clock.now() });
    return v;
  }
}
