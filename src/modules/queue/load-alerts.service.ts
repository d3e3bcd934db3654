/** "Tell me when the queue drops to N": alerts fire once (LoadService), then stay inactive. */
import type { Database } from '../../db/client.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { badField, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { LoadService } from './load.service.js';
import * as repo from './load.repository.js';
import type { AlertRow } from './load.repository.js';
import { isValidAlertThreshold, MAX_ALERT_WAITING } from './queue.rules.js';

export class LoadAlertsService {
  constructor(
    private readonly deps: { db: Database; clock: Clock; branches: BranchesDirectory },
    private readonly load: LoadService,
  ) {}

  async watch(viewer: Viewer, branchId: string, maxWaiting: number): Promise<AlertRow> {
    if (!isValidAlertThreshold(maxWaiting)) throw badField('maxWaiting', `От 0 до ${MAX_ALERT_WAITING} человек`);
    const [branch] = isUuid(branchId) ? await this.deps.branches.branchesByIds([branchId]) : [];
    if (!branch) throw notFound('Отделение');
    const alert = await repo.insertAlert(this.deps.db, { userId: viewer.userId, branchId: branch.id, maxWaiting, createdAt: this.deps.clock.now() });
    // The queue may already be short enough: then the alert fires right away.
    await this.load.changed(branch.id);
    return (await repo.alertsOfUser(this.deps.db, viewer.userId)).find((a) => a.id === alert.id) ?? alert;
  }

  async cancel(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await repo.deactivateAlert(this.deps.db, id, viewer.userId))) throw notFound('Оповещение');
    return true;
  }

  mine(viewer: Viewer): Promise<AlertRow[]> {
    return repo.alertsOfUser(this.deps.db, viewer.userId);
  }
}
