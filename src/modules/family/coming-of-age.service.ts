/**
 * The daily job: a child who turned 18 leaves the parent's account (kept as history, left_reason
 * CAME_OF_AGE). The parent is told; so is the young adult when an account holds their SNILS as a
 * verified value. Claimed by one UPDATE per batch and told in the same transaction (the outbox), so
 * two runs never tell anyone twice.
 */
import { localDay } from '../../shared/days.js';
import { DOCUMENTS_TIMEZONE } from '../documents/index.js';
import type { FamilyDeps } from './family.deps.js';
import { ADULT_AGE, bornOnOrBefore, fullName } from './family.rules.js';

const BATCH = 200;

export class ComingOfAge {
  constructor(private readonly deps: FamilyDeps) {}

  /** The number of children who left their parents' accounts in this run. */
  async run(): Promise<number> {
    const { db, clock, repo } = this.deps;
    const now = clock.now();
    const bornBy = bornOnOrBefore(localDay(now, DOCUMENTS_TIMEZONE), ADULT_AGE);
    let total = 0;
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const rows = await repo.claimComeOfAge(tx, { bornBy, at: now, limit: BATCH });
        for (const d of rows) {
          await this.deps.notifications.notify(tx, { userId: d.parentId, template: 'family.came_of_age', vars: { name: fullName(d) }, subjectType: 'Dependant', subjectId: d.id });
          const own = d.snils ? await this.deps.accountWrites.holderOfVerifiedSnils(tx, d.snils) : null;
          if (own) await this.deps.notifications.notify(tx, { userId: own, template: 'family.now_adult', vars: { name: d.firstName }, subjectType: 'User', subjectId: own });
        }
        return rows.length;
      });
      total += done;
      if (done < BATCH) return total;
    }
  }
}
