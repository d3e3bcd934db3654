/** What feedback and its support cases need from the application; createFeedbackModule passes it on. */
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { ApplicationSubjects } from '../../shared/application-subjects.js';
import type { Clock } from '../../shared/clock.js';
import type { AccountsDirectory } from '../accounts/index.js';
import type { BookingsDirectory } from '../bookings/index.js';
import type { BranchesDirectory } from '../branches/index.js';
import type { NotificationsService } from '../notifications/index.js';

export interface FeedbackDeps {
  config: Config;
  db: Database;
  clock: Clock;
  notifications: NotificationsService;
  applications: ApplicationSubjects;
  accounts: AccountsDirectory;
  branches: BranchesDirectory;
  bookings: BookingsDirectory;
}
