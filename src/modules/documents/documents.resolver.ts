/** Personal documents: the citizen's own list and edits, operators' review, User.documents. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Database } from '../../db/client.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { notFound } from '../../shared/errors.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { toUser, User, type UserRow } from '../accounts/index.js';
import type { AttachmentsService } from './attachments.service.js';
import { documentsLoaders } from './documents.loaders.js';
import { toAttachment, toDocumentAt } from './documents.mappers.js';
import type { DocumentRow } from './documents.repository.js';
import type { DocumentsService } from './documents.service.js';
import { DocumentInput } from './documents.inputs.js';
import { Attachment, PersonalDocument, VerificationStatus } from './documents.types.js';

type Ctx = GraphQLContext;

/** Users as the viewer may see them (accounts' ProfileService). */
export interface UserProfiles {
  userById(viewer: Viewer, id: string): Promise<UserRow | null>;
}

@Resolver(() => PersonalDocument)
export class DocumentResolver {
  constructor(
    private readonly documents: DocumentsService,
    private readonly files: AttachmentsService,
    private readonly profiles: UserProfiles,
    private readonly db: Database,
  ) {}

  private toDocument(ctx: Ctx, row: DocumentRow): PersonalDocument {
    return toDocumentAt(row, ctx.now, this.documents.reminderDays);
  }

  @Authorized()
  @Query(() => [PersonalDocument], { description: 'The caller\'s personal documents.' })
  async myDocuments(@Ctx() ctx: Ctx): Promise<PersonalDocument[]> {
    return (await this.documents.myDocuments(requireViewer(ctx))).map((r) => this.toDocument(ctx, r));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => [PersonalDocument], { description: 'Operators (beyond the contract): documents with scans waiting for review, oldest first.' })
  async documentsToReview(@Arg('first', () => Int, { description: 'How many, 1 to 200 (default 50); the query cost counts at most 100 (GRAPHQL_MAX_PAGE_SIZE).', nullable: true, defaultValue: 50 }) first: number | null, @Ctx() ctx: Ctx): Promise<PersonalDocument[]> {
    return (await this.documents.toReview(requireViewer(ctx), first ?? 50)).map((r) => this.toDocument(ctx, r));
  }

  @Authorized()
  @Mutation(() => PersonalDocument, { description: 'Adds a document: format and check digits are verified; an expired one is refused; one passport RF, SNILS and INN each.' })
  async addDocument(@Arg('input', () => DocumentInput, { description: 'The document; it is checked on entry (formats, checksums, dates).' }) input: DocumentInput, @Ctx() ctx: Ctx): Promise<PersonalDocument> {
    return this.toDocument(ctx, await this.documents.add(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => PersonalDocument, { description: 'Changes a document (its kind stays); it goes back to review.' })
  async updateDocument(@Arg('id', () => ID, { description: 'The caller\'s document to change (it goes back to review).' }) id: string, @Arg('input', () => DocumentInput, { description: 'The new data.' }) input: DocumentInput, @Ctx() ctx: Ctx): Promise<PersonalDocument> {
    return this.toDocument(ctx, await this.documents.update(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes one of the caller\'s personal documents with its scans; true when deleted.' })
  deleteDocument(@Arg('id', () => ID, { description: 'The document to delete.' }) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.documents.remove(requireViewer(ctx), id);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => PersonalDocument, { description: 'Operators: the result of checking a document (VERIFIED, or REJECTED with a reason).' })
  async reviewDocument(
    @Arg('id', () => ID, { description: 'The document to decide on.' }) id: string,
    @Arg('status', () => VerificationStatus, { description: 'VERIFIED or REJECTED.' }) status: VerificationStatus,
    @Arg('reason', () => String, { description: 'Why it is rejected (required for REJECTED), shown to the citizen.', nullable: true }) reason: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<PersonalDocument> {
    return this.toDocument(ctx, await this.documents.review(requireViewer(ctx), id, status, reason));
  }

  @FieldResolver(() => [Attachment], { description: 'The scans (PDF, JPEG or PNG, 5 MB at most each); links are signed and short-lived.' })
  async attachments(@Root() d: PersonalDocument, @Ctx() ctx: Ctx): Promise<Attachment[]> {
    return (await documentsLoaders(ctx, this.db).attachmentsByDocument.load(d.id)).map((a) => toAttachment(a, this.files.fileUrl(requireViewer(ctx), a.id)));
  }

  @FieldResolver(() => User, { description: 'Whose document it is (the owner, or staff).' })
  async owner(@Root() d: PersonalDocument, @Ctx() ctx: Ctx): Promise<User> {
    const row = await this.profiles.userById(requireViewer(ctx), d.userId);
    if (!row) throw notFound('Пользователь');
    return toUser(row);
  }
}

@Resolver(() => User)
export class UserDocumentsResolver {
  constructor(private readonly personalDocuments: DocumentsService) {}

  @FieldResolver(() => [PersonalDocument], { description: 'The user\'s personal documents (the user themselves, or staff).' })
  async documents(@Root() user: User, @Ctx() ctx: Ctx): Promise<PersonalDocument[]> {
    if (!ctx.viewer) return [];
    const { personalDocuments } = this;
    return (await personalDocuments.documentsOf(ctx.viewer, user.id)).map((r) => toDocumentAt(r, ctx.now, personalDocuments.reminderDays));
  }
}
