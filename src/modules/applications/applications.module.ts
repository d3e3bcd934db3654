/**
 * Builds the applications module: the reading service (its door), the write services split by
 * who acts (drafts, submission, the citizen's amendments, the operators' moves), their resolvers
 * and the `Application` node. It reads users, branches, services and documents through those
 * modules' doors; none of them depends on applications.
 */
import type { Viewer } from '../../shared/auth/viewer.js';
import { nodeType } from '../../shared/graphql/relay.js';
import type { ModuleParts } from '../../shared/module.js';
import type { CitizenBranchLinks } from '../../shared/staff-access.js';
import { createApplicationsBranchLinks } from './applications.links.js';
import type { UserRow } from '../accounts/index.js';
import { ApplicationAccess } from './applications.access.js';
import { ApplicationChecks } from './applications.checks.js';
import type { ApplicationsDeps } from './applications.deps.js';
import { toApplication, toEvent } from './applications.mappers.js';
import type { ApplicationEvent } from './applications.types.js';
import { ApplicationConnectionResolver, ApplicationResolver, ApplicationVersionResolver, type ApplicationResolverDeps } from './applications.resolver.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationTimeline } from './applications.timeline.js';
import { ApplicationAmendments } from './amendments.service.js';
import { ApplicationDrafts } from './drafts.service.js';
import { OperatorMoves } from './operator.service.js';
import { ApplicationSubmission } from './submission.service.js';

export interface ApplicationsModuleDeps extends ApplicationsDeps {
  /** Users as a viewer may see them (Application.applicant): accounts' ProfileService. */
  profiles: { userById(viewer: Viewer, id: string): Promise<UserRow | null> };
  /** Download addresses of attachments: documents' AttachmentsService. */
  files: { fileUrl(viewer: Viewer, id: string): string };
}

export interface ApplicationsModule extends ModuleParts {
  /** The door service: applications as a viewer may see them, lists, validation, subjects for chats and feedback. */
  applications: ApplicationsService;
  /** Whether a citizen has open business at a branch (what lets its operators see them). */
  branchLinks: CitizenBranchLinks;
  /** A timeline entry as the viewer may see it now (the account feed's ApplicationEvent); null when not. */
  findEvent(viewer: Viewer, id: string): Promise<ApplicationEvent | null>;
}

export function createApplicationsModule(deps: ApplicationsModuleDeps): ApplicationsModule {
  const access = new ApplicationAccess(deps);
  const checks = new ApplicationChecks(deps);
  const timeline = new ApplicationTimeline(deps);
  const applications = new ApplicationsService(deps, access, checks);
  const resolverDeps: ApplicationResolverDeps = {
    applications,
    drafts: new ApplicationDrafts(deps, access, checks),
    submission: new ApplicationSubmission(deps, access, checks, timeline),
    amendments: new ApplicationAmendments(deps, access, checks, timeline),
    operator: new OperatorMoves(deps, access, checks, timeline),
    profiles: deps.profiles,
    files: deps.files,
    branches: deps.branches,
    db: deps.db,
  };
  return {
    applications,
    branchLinks: createApplicationsBranchLinks(deps.db),
    findEvent: async (viewer, id) => {
      const e = await applications.timelineEvent(viewer, id);
      return e ? toEvent(e) : null;
    },
    resolvers: [new ApplicationResolver(resolverDeps), new ApplicationVersionResolver(resolverDeps), new ApplicationConnectionResolver()],
    nodes: [nodeType('Application', (viewer, id) => applications.application(viewer, id), (row) => toApplication(row))],
  };
}
