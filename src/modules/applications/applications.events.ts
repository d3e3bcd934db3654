/** Realtime topic of applications: a timeline entry, with who may hear it (the applicant, the branch's staff). */
import { defineTopic } from '../../shared/pubsub.js';

export interface ApplicationTopicEvent {
  applicationId: string;
  userId: string;
  branchId: string | null;
  event: { id: string; status: string; actor: string; comment: string | null; at: string };
}

export const applicationTopic = defineTopic<ApplicationTopicEvent>('application');
