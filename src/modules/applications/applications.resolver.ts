/** Applications: drafts, submission, the citizen's and operators' moves, lists, and live status changes. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Repeater } from '@repeaterjs/repeater';
import { requireViewer, type GraphQLContext } from '../../server/context.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import { hasRole } from '../../shared/auth/viewer.js';
import type { Page } from '../../shared/pagination.js';
import { applicationTopic, type ApplicationTopicEvent } from './applications.events.js';
import { toUser } from '../accounts/index.js';
import { User } from '../accounts/index.js';
import { toBranch } from '../branches/index.js';
import { Branch } from '../branches/index.js';
import { toService } from '../catalog/index.js';
import { DocumentKind, Service } from '../catalog/index.js';
import { toAttachment } from '../documents/index.js';
import { Attachment } from '../documents/index.js';
import { toApplication, toComment, toEvent, toVersion } from './applications.mappers.js';
import type { ApplicationRow, ApplicationStatus as StatusName } from './applications.repository.js';
import {
  Application,
  ApplicationChangeInput,
  ApplicationComment,
  ApplicationConnection,
  ApplicationDraftInput,
  ApplicationEvent,
  ApplicationFilter,
  ApplicationStatus,
  ApplicationValidation,
  ApplicationVersion,
} from './applications.types.js';

type Ctx = GraphQLContext;

function connection(page: Page<ApplicationRow>): ApplicationConnection {
  return Object.assign(new ApplicationConnection(), { nodes: page.nodes.map(toApplication), pageInfo: page.pageInfo, countTotal: page.totalCount });
}

async function attachmentsOf(ctx: Ctx, ids: readonly string[]): Promise<Attachment[]> {
  const rows = await ctx.loaders.documents.attachmentById.loadMany(ids);
  return rows.flatMap((r) => (r && !(r instanceof Error) ? [toAttachment(r, ctx.services.documents.fileUrl(r.id))] : []));
}

@Resolver(() => Application)
export class ApplicationResolver {
  @Authorized()
  @Query(() => ApplicationConnection, { description: 'The caller\'s applications (drafts included), newest first.' })
  async myApplications(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ApplicationConnection> {
    return connection(await ctx.services.applications.myApplications(requireViewer(ctx), filter, first ?? 20, after));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => ApplicationConnection, { description: 'Operators: the submitted applications of their branch, oldest submission first (admins: of every branch).' })
  async applicationsQueue(
    @Arg('filter', () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ApplicationConnection> {
    return connection(await ctx.services.applications.queue(requireViewer(ctx), filter, first ?? 20, after));
  }

  @Authorized()
  @Query(() => Application, { nullable: true, description: 'An application of the caller (staff: of their branch).' })
  async application(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<Application | null> {
    const row = await ctx.services.applications.application(requireViewer(ctx), id);
    return row ? toApplication(row) : null;
  }

  @Authorized()
  @Query(() => ApplicationValidation, { description: 'Every problem at once: form fields, branch, missing documents.' })
  async validateApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<ApplicationValidation> {
    const v = await ctx.services.applications.validate(requireViewer(ctx), id);
    return { ...v, missingDocuments: v.missingDocuments.map((d) => ({ ...d, kind: d.kind ? DocumentKind[d.kind as keyof typeof DocumentKind] : null })) };
  }

  @Authorized()
  @Mutation(() => Application, { description: 'A draft for a service, prefilled from the profile (or copied from fromApplicationId).' })
  async createApplicationDraft(@Arg('input', () => ApplicationDraftInput) input: ApplicationDraftInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await ctx.services.applications.createDraft(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Saves a draft (as often as wanted).' })
  async updateApplicationDraft(@Arg('id', () => ID) id: string, @Arg('input', () => ApplicationChangeInput) input: ApplicationChangeInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await ctx.services.applications.updateDraft(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => Boolean)
  deleteApplicationDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return ctx.services.applications.deleteDraft(requireViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Checks everything (and the account level), assigns the number and the due date; SUBMITTED, then ACCEPTED.' })
  async submitApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await ctx.services.applications.submit(requireViewer(ctx), id));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'Withdraws the application while it is SUBMITTED or ACCEPTED.' })
  async cancelApplication(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await ctx.services.applications.cancel(requireViewer(ctx), id, reason));
  }

  @Authorized()
  @Mutation(() => Application, { description: 'A new version of a submitted application; allowed until work on it starts, or when action is required.' })
  async amendApplication(@Arg('id', () => ID) id: string, @Arg('input', () => ApplicationChangeInput) input: ApplicationChangeInput, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await ctx.services.applications.amend(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => ApplicationComment)
  async commentOnApplication(@Arg('id', () => ID) id: string, @Arg('text') text: string, @Ctx() ctx: Ctx): Promise<ApplicationComment> {
    return toComment(await ctx.services.applications.addComment(requireViewer(ctx), id, text));
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
    return toApplication(await ctx.services.applications.changeStatus(requireViewer(ctx), id, status, comment, expectedStatus));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Application, { description: 'Operators: the result document (uploaded by them through POST /uploads).' })
  async attachApplicationResult(@Arg('id', () => ID) id: string, @Arg('attachmentId', () => ID) attachmentId: string, @Ctx() ctx: Ctx): Promise<Application> {
    return toApplication(await ctx.services.applications.attachResult(requireViewer(ctx), id, attachmentId));
  }

  @Subscription(() => ApplicationEvent, {
    description: 'Status changes of the caller\'s applications (operators: of their branch\'s; admins: of all), or of the one given.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { applicationId?: string | null }, Ctx>) => applicationEvents(context, args.applicationId ?? null),
  })
  applicationStatusChanged(
    @Root() e: ApplicationTopicEvent,
    @Arg('applicationId', () => ID, { nullable: true }) _applicationId: string | null,
  ): ApplicationEvent {
    return toEvent({ ...e.event, applicationId: e.applicationId, status: e.event.status as StatusName, actor: e.event.actor as 'CITIZEN', at: new Date(e.event.at) });
  }

  @FieldResolver(() => Service)
  async service(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Service> {
    const row = await ctx.loaders.catalog.serviceById.load(a.serviceId);
    if (!row) throw notFound('Услуга');
    return toService(row);
  }

  @FieldResolver(() => User)
  async applicant(@Root() a: Application, @Ctx() ctx: Ctx): Promise<User> {
    const row = await ctx.services.accounts.profile.userById(requireViewer(ctx), a.userId);
    if (!row) throw notFound('Пользователь');
    return toUser(row);
  }

  @FieldResolver(() => Branch, { nullable: true, description: 'Where the application is handled and the result is picked up.' })
  async branch(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Branch | null> {
    if (!a.branchId) return null;
    const row = await ctx.loaders.branches.branchById.load(a.branchId);
    return row ? toBranch(row) : null;
  }

  @FieldResolver(() => [Attachment])
  attachments(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Attachment[]> {
    return attachmentsOf(ctx, a.attachmentIds);
  }

  @FieldResolver(() => Attachment, { nullable: true, description: 'The result document, downloadable by the applicant.' })
  async result(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Attachment | null> {
    if (!a.resultAttachmentId) return null;
    return (await attachmentsOf(ctx, [a.resultAttachmentId]))[0] ?? null;
  }

  @FieldResolver(() => [ApplicationVersion], { description: 'Every submitted version, oldest first.' })
  async versions(@Root() a: Application, @Ctx() ctx: Ctx): Promise<ApplicationVersion[]> {
    return (await ctx.loaders.applications.versions.load(a.id)).map(toVersion);
  }

  @FieldResolver(() => [ApplicationEvent], { description: 'Every status change, oldest first.' })
  async timeline(@Root() a: Application, @Ctx() ctx: Ctx): Promise<ApplicationEvent[]> {
    return (await ctx.loaders.applications.timeline.load(a.id)).map(toEvent);
  }

  @FieldResolver(() => [ApplicationComment])
  async comments(@Root() a: Application, @Ctx() ctx: Ctx): Promise<ApplicationComment[]> {
    return (await ctx.loaders.applications.comments.load(a.id)).map(toComment);
  }
}

@Resolver(() => ApplicationVersion)
export class ApplicationVersionResolver {
  @FieldResolver(() => [Attachment])
  attachments(@Root() v: ApplicationVersion, @Ctx() ctx: Ctx): Promise<Attachment[]> {
    return attachmentsOf(ctx, v.attachmentIds);
  }
}

@Resolver(() => ApplicationConnection)
export class ApplicationConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() c: ApplicationConnection): Promise<number> {
    return c.countTotal();
  }
}

/**
 * Who hears an application event: its applicant, the operators of its branch, admins; with an
 * applicationId, only that application's events, and only if the caller may see it (else NOT_FOUND
 * at once, so ids cannot be probed).
 */
async function applicationEvents(ctx: Ctx, applicationId: string | null): Promise<AsyncIterable<ApplicationTopicEvent>> {
  const viewer = ctx.viewer;
  if (!viewer) throw unauthenticated();
  const { applications, pubsub } = ctx.services;
  if (applicationId && !(await applications.application(viewer, applicationId))) throw notFound('Заявление');
  const admin = hasRole(viewer, 'ADMIN');
  const branchId = await applications.staffBranch(viewer);
  const live = pubsub.subscribe(applicationTopic);
  return new Repeater<ApplicationTopicEvent>(async (push, stop) => {
    void stop.then(() => live.return?.());
    for await (const e of live) {
      if (applicationId && e.applicationId !== applicationId) continue;
      if (e.userId === viewer.userId || admin || (branchId !== null && e.branchId === branchId)) await push(e);
    }
    stop();
  });
}
