/** Profile change requests: the citizen's requests, operators' list and review, and the request's relations. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { notFound } from '../../shared/errors.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { toUser, User, type ProfileService } from '../accounts/index.js';
import { Attachment, documentsLoaders, PersonalDocument, toAttachment, toDocumentAt, VerificationStatus, type AttachmentsService } from '../documents/index.js';
import { ProfileChangeInput } from './family.inputs.js';
import { toChangeRequest } from './family.mappers.js';
import { ProfileChangeRequest, ProfileChangeRequestConnection } from './family.types.js';
import type { ProfileChangesService } from './profile-changes.service.js';

type Ctx = GraphQLContext;

export interface ProfileChangeResolverDeps {
  changes: ProfileChangesService;
  profiles: Pick<ProfileService, 'userById'>;
  files: Pick<AttachmentsService, 'fileUrl'>;
  db: Database;
  reminderDays: number;
}

@Resolver(() => ProfileChangeRequest)
export class ProfileChangeResolver {
  constructor(private readonly deps: ProfileChangeResolverDeps) {}

  @Authorized()
  @Query(() => [ProfileChangeRequest], { description: 'The caller\'s change requests, newest first.' })
  async myProfileChangeRequests(@Ctx() ctx: Ctx): Promise<ProfileChangeRequest[]> {
    return (await this.deps.changes.myRequests(requireViewer(ctx))).map(toChangeRequest);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => ProfileChangeRequestConnection, { description: 'Operators and admins: change requests waiting for review, oldest first (operators: of citizens with business at their branch).' })
  async profileChangeRequestsToReview(
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (1–100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ProfileChangeRequestConnection> {
    const page = await this.deps.changes.toReview(requireViewer(ctx), first ?? 20, after);
    return { nodes: page.nodes.map(toChangeRequest), pageInfo: page.pageInfo, totalCount: await page.totalCount() };
  }

  @Authorized()
  @Mutation(() => ProfileChangeRequest, { description: 'Asks to change the name, birth date or passport with scans; one open request at a time (CONFLICT otherwise).' })
  async requestProfileChange(@Arg('input', () => ProfileChangeInput, { description: 'The new name or birth date; attach scans of the document that proves it.' }) input: ProfileChangeInput, @Ctx() ctx: Ctx): Promise<ProfileChangeRequest> {
    return toChangeRequest(await this.deps.changes.request(requireViewer(ctx), input));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => ProfileChangeRequest, { description: 'Operators: approve (applies the change) or reject with a reason.' })
  async reviewProfileChange(
    @Arg('id', () => ID, { description: 'The request to decide on.' }) id: string,
    @Arg('status', () => VerificationStatus, { description: 'VERIFIED (the profile changes) or REJECTED.' }) status: VerificationStatus,
    @Arg('reason', () => String, { description: 'Why it is rejected (required for REJECTED), shown to the citizen.', nullable: true }) reason: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ProfileChangeRequest> {
    return toChangeRequest(await this.deps.changes.review(requireViewer(ctx), id, status, reason));
  }

  @FieldResolver(() => User, { description: 'The citizen who asked.' })
  async user(@Root() r: ProfileChangeRequest, @Ctx() ctx: Ctx): Promise<User> {
    const row = await this.deps.profiles.userById(requireViewer(ctx), r.userId);
    if (!row) throw notFound('Пользователь');
    return toUser(row);
  }

  @FieldResolver(() => PersonalDocument, { nullable: true, description: 'The new passport: PENDING while waiting, VERIFIED and in force once approved.' })
  async passport(@Root() r: ProfileChangeRequest, @Ctx() ctx: Ctx): Promise<PersonalDocument | null> {
    const row = await this.deps.changes.passportOf(r);
    return row ? toDocumentAt(row, ctx.now, this.deps.reminderDays) : null;
  }

  @FieldResolver(() => [Attachment], { description: 'The scans that prove the change.' })
  async attachments(@Root() r: ProfileChangeRequest, @Ctx() ctx: Ctx): Promise<Attachment[]> {
    const rows = await documentsLoaders(ctx, this.deps.db).attachmentById.loadMany(r.attachmentIds);
    return rows.flatMap((a) => (a && !(a instanceof Error) ? [toAttachment(a, this.deps.files.fileUrl(requireViewer(ctx), a.id))] : []));
  }
}
