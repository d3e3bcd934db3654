/** Applications: drafts, submission, the citizen's and operators' moves, lists, and live status changes. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Database } from '../../db/client.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { notFound } from '../../shared/errors.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { toUser, User, type UserRow } from '../accounts/index.js';
import { Branch, toBranch, type BranchesDirectory } from '../branches/index.js';
import { catalogLoaders, Service, toService } from '../catalog/index.js';
import { Attachment, documentsLoaders, toAttachment } from '../documents/index.js';
import type { ApplicationTopicEvent } from './applications.events.js';
import { applicationsLoaders } from './applications.loaders.js';
import { toApplication, toComment, toConnection, toEvent, toTopicEvent, toValidation, toVersion } from './applications.mappers.js';
import type { ApplicationsService } from './applications.service.js';
import type { ApplicationAmendments } from './amendments.service.js';
import type { ApplicationDrafts } from './drafts.service.js';
import type { OperatorMoves } from './operator.service.js';
import type { ApplicationSubmission } from './submission.service.js';
import { ApplicationChangeInput, ApplicationDraftInput, ApplicationFilter } from './applications.inputs.js';
import { Application, ApplicationComment, ApplicationConnection, ApplicationEvent, ApplicationStatus, ApplicationValidation, ApplicationVersion } from './applications.types.js';

type Ctx = GraphQLContext;

/** What the application resolvers call: this module's services, and the doors of the others they show. */
export interface ApplicationResolverDeps {
  applications: ApplicationsService;
  drafts: ApplicationDrafts;
  submission: ApplicationSubmission;
  amendments: ApplicationAmendments;
  operator: OperatorMoves;
  /** Users as the viewer may see them (accounts' ProfileService). */
  profiles: { userById(viewer: Viewer, id: string): Promise<UserRow | null> };
  /** Download addresses of attachments (documents' AttachmentsService). */
  files: { fileUrl(viewer: Viewer, id: string): string };
  branches: BranchesDirectory;
  db: Database;
}

/** The attachments of an application or version as the GraphQL type, through this operation's loader. */
async function attachmentsOf(deps: ApplicationResolverDeps, ctx: Ctx, ids: readonly string[]): Promise<Attachment[]> {
  const rows = await documentsLoaders(ctx, deps.db).attachmentById.loadMany(ids);
  return rows.flatMap((r) => (r && !(r instanceof Error) ? [toAttachment(r, deps.files.fileUrl(requireViewer(ctx), r.id))] : []));
}

@Resolver(() => Application)
export class ApplicationResolver {
  constructor(private readonly deps: ApplicationResolverDeps) {}

  /** Live timeline events (the subscription asks this application's instance through the context). */
  liveEvents(viewer: Viewer | null, applicationId: string | null) {
    return this.deps.applications.events(viewer, applicationId);
  }

  @Authorized()
  @Query(() => ApplicationConnection, { description: 'The caller\'s applications (drafts included), newest first.' })
  async myApplications(
    @Arg('filter', () => ApplicationFilter, { description: 'Restricts by status or service.', nullable: true }) filter: ApplicationFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ApplicationConnection> {
    return toConnection(await this.deps.applications.myApplications(requireViewer(ctx), filter, first ?? 20, after));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => ApplicationConnection, { description: 'Operators: the submitted applications of their branch, oldest submission first (admins: of every branch).' })
  async applicationsQueue(
    @Arg('filter', () => ApplicationFilter, { description: 'Restricts by status or service.', nullable: true }) filter: ApplicationFilter | null,
    @Arg('first', () => Int, { description: 'Page size, 1 to 100 (default 20); counts in the query cost as `first` times the selected fields.', nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { description: 'Cursor from the previous page\'s `pageInfo.endCursor`.', nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ApplicationConnection> {
    return toConnection(await this.deps.applications.queue(requireViewer(ctx), filter, first ?? 20, after));
  }

  @Authorized()
  @Query(() => Application, { nullable: true, description: 'An application of the caller (staff: of their branch).' })
  async application(@Arg('id', () => ID, { description: 'The application\'s id.' }) id: string, @Ctx() ctx: Ctx): Promise<Application | null> {
    const row = await this.deps.applications.application(requireViewer(ctx), id);
    return row ? toApplication(row) : null;
  }

  @Authorized()
  @Query(() => ApplicationValidation, { description: 'Every problem at once: form fields, branch, missing documents.' })
  async validateApplication(@Arg('id', () => ID, { description: 'The draft to check.' }) id: string, @Ctx() ctx: Ctx): Promise<ApplicationValidation> {
    return toValidation(await this.deps.applications.validate(requireViewer(ctx), id));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'A draft for a service, prefilled from the profile (or copied from fromApplicationId).' })
  async createApplicationDraft(@Arg('input', () => ApplicationDraftInput, { description: 'The service, branch and first form data; fields missing are prefilled from the profile.' }) input: ApplicationDraftInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.drafts.createDraft(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Saves a draft (as often as wanted).' })
  async updateApplicationDraft(@Arg('id', () => ID, { description: 'The draft to change.' }) id: string, @Arg('input', () => ApplicationChangeInput, { description: 'The changes: form data (merged), branch, attachments.' }) input: ApplicationChangeInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.drafts.updateDraft(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes one of the caller\'s drafts (only drafts can be deleted); true when deleted.' })
  deleteApplicationDraft(@Arg('id', () => ID, { description: 'The draft to delete.' }) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.deps.drafts.deleteDraft(requireViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Checks everything (and the account level), assigns the number and the due date; SUBMITTED, then ACCEPTED.' })
  async submitApplication(@Arg('id', () => ID, { description: 'The draft to submit; the form, required documents and account level are checked and every problem is reported at once.' }) id: string, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.submission.submit(requireViewer(ctx), id));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Withdraws the application while it is SUBMITTED or ACCEPTED.' })
  async cancelApplication(@Arg('id', () => ID, { description: 'The application to cancel (only while SUBMITTED or ACCEPTED; cancelled is final).' }) id: string, @Arg('reason', () => String, { description: 'Why, shown in the timeline (optional).', nullable: true }) reason: string | null, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.amendments.cancel(requireViewer(ctx), id, reason));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'A new version of a submitted application; allowed until work on it starts, or when action is required.' })
  async amendApplication(@Arg('id', () => ID, { description: 'The application to change: SUBMITTED, ACCEPTED or ACTION_REQUIRED (from ACTION_REQUIRED it goes back to IN_PROGRESS).' }) id: string, @Arg('input', () => ApplicationChangeInput, { description: 'The new form data and attachments; makes a new version.' }) input: ApplicationChangeInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.amendments.amend(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => ApplicationComment, { description: 'Adds a comment to an application\'s discussion (its citizen, operators of its branch, admins); the other side is notified.' })
  async commentOnApplication(@Arg('id', () => ID, { description: 'The application to comment on.' }) id: string, @Arg('text', { description: 'The comment, not empty; comments are rate-limited per user (RATE_LIMITED). Only after submission (PRECONDITION_FAILED for drafts).' }) text: string, @Ctx() ctx: Ctx): Promise<ApplicationComment> {
    return toComment(await this.deps.amendments.addComment(requireViewer(ctx), id, text));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Application, { description: 'Operators: move an application through its lifecycle. Pass expectedStatus (beyond the contract) to refuse the move if someone changed it since.' })
  async changeApplicationStatus(
    @Arg('id', () => ID, { description: 'The application to move.' }) id: string,
    @Arg('status', () => ApplicationStatus, { description: 'The new status; only transitions of the lifecycle graph are allowed (PRECONDITION_FAILED otherwise).' }) status: ApplicationStatus,
    @Arg('comment', () => String, { description: 'Shown to the citizen in the timeline and the notification (required for ACTION_REQUIRED and REJECTED).', nullable: true }) comment: string | null,
    @Arg('expectedStatus', () => ApplicationStatus, { description: 'Optimistic check: the change is refused with CONFLICT if the status is no longer this one.', nullable: true }) expectedStatus: ApplicationStatus | null,
    @Ctx() ctx: Ctx,
  ): Promise<Application> {
    return toApplication(await this.deps.operator.changeStatus(requireViewer(ctx), id, status, comment, expectedStatus));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Application, { description: 'Operators: the result document (uploaded by them through POST /uploads).' })
  async attachApplicationResult(@Arg('id', () => ID, { description: 'The application the result belongs to.' }) id: string, @Arg('attachmentId', () => ID, { description: 'The uploaded result document (POST /uploads first).' }) attachmentId: string, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.operator.attachResult(requireViewer(ctx), id, attachmentId));
  }

  @Subscription(() => ApplicationEvent, {
    description: 'Status changes of the caller\'s applications (operators: of their branch\'s; admins: of all), or of the one given. The current state comes first: the latest entry of the application given, or of each of the caller\'s own applications in progress.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { applicationId?: string | null }, Ctx>) => context.resolver(ApplicationResolver).liveEvents(context.viewer, args.applicationId ?? null),
  })
  applicationStatusChanged(@Root() e: ApplicationTopicEvent, @Arg('applicationId', () => ID, { description: 'One application to follow; without it every application of the caller.', nullable: true }) _applicationId: string | null): ApplicationEvent {
    return toTopicEvent(e);
  }

  @FieldResolver(() => Service, { description: 'The service applied for.' })
  async service(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await catalogLoaders(ctx, this.deps.db).serviceById.load(a.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }

  @FieldResolver(() => User, { description: 'The citizen who filed the application (operators of its branch and admins see it too).' })
  async applicant(@Root() a: Application, @Ctx() ctx: Ctx): Promise<User> {
    const row = await this.deps.profiles.userById(requireViewer(ctx), a.userId);
    if (!row) throw notFound('Пользователь');
    return toUser(row);
  }

  @FieldResolver(() => Branch, { nullable: true, description: 'Where the application is handled and the result is picked up.' })
  async branch(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Branch | null> {
    if (!a.branchId) return null;
    const row = await applicationsLoaders(ctx, this.deps.db, this.deps.branches).branchById.load(a.branchId);
    return row ? toBranch(row) : null;
  }

  @FieldResolver(() => [Attachment], { description: 'The files attached to the current version (scans, forms); links are signed and short-lived.' })
  attachments(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Attachment[]> {
    return attachmentsOf(this.deps, ctx, a.attachmentIds);
  }

  @FieldResolver(() => Attachment, { nullable: true, description: 'The result document, downloadable by the applicant.' })
  async result(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Attachment | null> {
    if (!a.resultAttachmentId) return null;
    return (await attachmentsOf(this.deps, ctx, [a.resultAttachmentId]))[0] ?? null;
  }

  @FieldResolver(() => [ApplicationVersion], { description: 'Every submitted version, oldest first.' })
  async versions(@Root() a: Application, @Ctx() ctx: Ctx): Promise<ApplicationVersion[]> {
    return (await applicationsLoaders(ctx, this.deps.db, this.deps.branches).versions.load(a.id)).map(toVersion);
  }

  @FieldResolver(() => [ApplicationEvent], { description: 'Every status change, oldest first.' })
  async timeline(@Root() a: Application, @Ctx() ctx: Ctx): Promise<ApplicationEvent[]> {
    return (await applicationsLoaders(ctx, this.deps.db, this.deps.branches).timeline.load(a.id)).map(toEvent);
  }

  @FieldResolver(() => [ApplicationComment], { description: 'Comments of the citizen and the staff, oldest first.' })
  async comments(@Root() a: Application, @Ctx() ctx: Ctx): Promise<ApplicationComment[]> {
    return (await applicationsLoaders(ctx, this.deps.db, this.deps.branches).comments.load(a.id)).map(toComment);
  }
}

@Resolver(() => ApplicationVersion)
export class ApplicationVersionResolver {
  constructor(private readonly deps: ApplicationResolverDeps) {}

  @FieldResolver(() => [Attachment], { description: 'The files attached in this version.' })
  attachments(@Root() v: ApplicationVersion, @Ctx() ctx: Ctx): Promise<Attachment[]> {
    return attachmentsOf(this.deps, ctx, v.attachmentIds);
  }
}

@Resolver(() => ApplicationConnection)
export class ApplicationConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() c: ApplicationConnection): Promise<number> {
    return c.countTotal();
  }
}
