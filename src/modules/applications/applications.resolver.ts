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
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ApplicationConnection> {
    return toConnection(await this.deps.applications.myApplications(requireViewer(ctx), filter, first ?? 20, after));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => ApplicationConnection, { description: 'Operators: the submitted applications of their branch, oldest submission first (admins: of every branch).' })
  async applicationsQueue(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ApplicationConnection> {
    return toConnection(await this.deps.applications.queue(requireViewer(ctx), filter, first ?? 20, after));
  }

  @Authorized()
  @Query(() => Application, { nullable: true, description: 'An application of the caller (staff: of their branch).' })
  async application(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<Application | null> {
    const row = await this.deps.applications.application(requireViewer(ctx), id);
    return row ? toApplication(row) : null;
  }

  @Authorized()
  @Query(() => ApplicationValidation, { description: 'Every problem at once: form fields, branch, missing documents.' })
  async validateApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<ApplicationValidation> {
    return toValidation(await this.deps.applications.validate(requireViewer(ctx), id));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'A draft for a service, prefilled from the profile (or copied from fromApplicationId).' })
  async createApplicationDraft(@Arg('input', () => ApplicationDraftInput) input: ApplicationDraftInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.drafts.createDraft(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Saves a draft (as often as wanted).' })
  async updateApplicationDraft(@Arg('id', () => ID) id: string, @Arg('input', () => ApplicationChangeInput) input: ApplicationChangeInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.drafts.updateDraft(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => Boolean)
  deleteApplicationDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.deps.drafts.deleteDraft(requireViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Checks everything (and the account level), assigns the number and the due date; SUBMITTED, then ACCEPTED.' })
  async submitApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.submission.submit(requireViewer(ctx), id));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Withdraws the application while it is SUBMITTED or ACCEPTED.' })
  async cancelApplication(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.amendments.cancel(requireViewer(ctx), id, reason));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'A new version of a submitted application; allowed until work on it starts, or when action is required.' })
  async amendApplication(@Arg('id', () => ID) id: string, @Arg('input', () => ApplicationChangeInput) input: ApplicationChangeInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.amendments.amend(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => ApplicationComment)
  async commentOnApplication(@Arg('id', () => ID) id: string, @Arg('text') text: string, @Ctx() ctx: Ctx): Promise<ApplicationComment> {
    return toComment(await this.deps.amendments.addComment(requireViewer(ctx), id, text));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Application, { description: 'Operators: move an application through its lifecycle. Pass expectedStatus (beyond the contract) to refuse the move if someone changed it since.' })
  async changeApplicationStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ApplicationStatus) status: ApplicationStatus,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Arg('expectedStatus', () => ApplicationStatus, { nullable: true }) expectedStatus: ApplicationStatus | null,
    @Ctx() ctx: Ctx,
  ): Promise<Application> {
    return toApplication(await this.deps.operator.changeStatus(requireViewer(ctx), id, status, comment, expectedStatus));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Application, { description: 'Operators: the result document (uploaded by them through POST /uploads).' })
  async attachApplicationResult(@Arg('id', () => ID) id: string, @Arg('attachmentId', () => ID) attachmentId: string, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await this.deps.operator.attachResult(requireViewer(ctx), id, attachmentId));
  }

  @Subscription(() => ApplicationEvent, {
    description: 'Status changes of the caller\'s applications (operators: of their branch\'s; admins: of all), or of the one given. The current state comes first: the latest entry of the application given, or of each of the caller\'s own applications in progress.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { applicationId?: string | null }, Ctx>) => context.resolver(ApplicationResolver).liveEvents(context.viewer, args.applicationId ?? null),
  })
  applicationStatusChanged(@Root() e: ApplicationTopicEvent, @Arg('applicationId', () => ID, { nullable: true }) _applicationId: string | null): ApplicationEvent {
    return toTopicEvent(e);
  }

  @FieldResolver(() => Service)
  async service(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await catalogLoaders(ctx, this.deps.db).serviceById.load(a.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }

  @FieldResolver(() => User)
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

  @FieldResolver(() => [Attachment])
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

  @FieldResolver(() => [ApplicationComment])
  async comments(@Root() a: Application, @Ctx() ctx: Ctx): Promise<ApplicationComment[]> {
    return (await applicationsLoaders(ctx, this.deps.db, this.deps.branches).comments.load(a.id)).map(toComment);
  }
}

@Resolver(() => ApplicationVersion)
export class ApplicationVersionResolver {
  constructor(private readonly deps: ApplicationResolverDeps) {}

  @FieldResolver(() => [Attachment])
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
