/** What the queue's services are built from: infrastructure, other modules' doors, and the bookings port. */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { AppPubSub } from '../../shared/pubsub.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { CatalogDirectory } from '../catalog/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { VisitOutcomes } from './queue.ports.js';

export interface QueueDeps {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  pubsub: AppPubSub;
  notifications: NotificationsService;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  catalog: CatalogDirectory;
  /** The owner of bookings, told when a booked visit ends with its ticket. */
  visits: VisitOutcomes;
}
