/** What the queue's services are built from: infrastructure, other modules' doors, and the bookings ports. */
import type { AccountFeed } from '../../shared/account-feed.js';
import type { CoreDeps } from '../../shared/module.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { CatalogDirectory } from '../catalog/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { FreePlaces, VisitOutcomes } from './queue.ports.js';

export interface QueueDeps extends CoreDeps {
  /** The account feed (accountUpdates): a holder's ticket changes; none when the module is built alone. */
  feed?: AccountFeed;
  notifications: NotificationsService;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  catalog: CatalogDirectory;
  /** The owner of bookings, told when a booked visit ends with its ticket. */
  visits: VisitOutcomes;
  /** The owner of bookings, asked for free appointment places (forecast, recommendation). */
  places: FreePlaces;
}
