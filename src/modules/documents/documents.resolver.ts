/** Personal documents: the citizen's own list and edits, operators' review, User.documents. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../server/context.js';
import { localDay } from '../../shared/days.js';
import { notFound } from '../../shared/errors.js';
import { toUser } from '../accounts/index.js';
import { User } from '../accounts/index.js';
import { toAttachment, toDocument } from './documents.mappers.js';
import type { DocumentRow } from './documents.repository.js';
import { DOCUMENTS_TIMEZONE } from './documents.service.js';
import { Attachment, DocumentInput, PersonalDocument, VerificationStatus } from './documents.types.js';

type Ctx = GraphQLContext;

export const documentOf = (ctx: Ctx, row: DocumentRow): PersonalDocument =>
  toDocument(row, localDay(ctx.now, DOCUMENTS_TIMEZONE), ctx.services.documents.reminderDays);

@Resolver(() => PersonalDocument)
export class DocumentResolver {
  @Authorized()
  @Query(() => [PersonalDocument], { description: 'The caller\'s personal documents.' })
  async myDocuments(@Ctx() ctx: Ctx): Promise<PersonalDocument[]> {
    return (await ctx.services.documents.myDocuments(requireViewer(ctx))).map((r) => documentOf(ctx, r));
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => [PersonalDocument], { description: 'Operators (beyond the contract): documents with scans waiting for review, oldest first.' })
  async documentsToReview(@Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null, @Ctx() ctx: Ctx): Promise<PersonalDocument[]> {
    return (await ctx.services.documents.toReview(requireViewer(ctx), first ?? 50)).map((r) => documentOf(ctx, r));
  }

  @Authorized()
  @Mutation(() => PersonalDocument, { description: 'Adds a document: format and check digits are verified; an expired one is refused; one passport RF, SNILS and INN each.' })
  async addDocument(@Arg('input', () => DocumentInput) input: DocumentInput, @Ctx() ctx: Ctx): Promise<PersonalDocument> {
    return documentOf(ctx, await ctx.services.documents.add(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => PersonalDocument, { description: 'Changes a document (its kind stays); it goes back to review.' })
  async updateDocument(@Arg('id', () => ID) id: string, @Arg('input', () => DocumentInput) input: DocumentInput, @Ctx() ctx: Ctx): Promise<PersonalDocument> {
    return documentOf(ctx, await ctx.services.documents.update(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => Boolean)
  deleteDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return ctx.services.documents.remove(requireViewer(ctx), id);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => PersonalDocument, { description: 'Operators: the result of checking a document (VERIFIED, or REJECTED with a reason).' })
  async reviewDocument(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => VerificationStatus) status: VerificationStatus,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<PersonalDocument> {
    return documentOf(ctx, await ctx.services.documents.review(requireViewer(ctx), id, status, reason));
  }

  @FieldResolver(() => [Attachment])
  async attachments(@Root() d: PersonalDocument, @Ctx() ctx: Ctx): Promise<Attachment[]> {
    return (await ctx.loaders.documents.attachmentsByDocument.load(d.id)).map((a) => toAttachment(a, ctx.services.documents.fileUrl(a.id)));
  }

  @FieldResolver(() => User, { description: 'Whose document it is (the owner, or staff).' })
  async owner(@Root() d: PersonalDocument, @Ctx() ctx: Ctx): Promise<User> {
    const row = await ctx.services.accounts.profile.userById(requireViewer(ctx), d.userId);
    if (!row) throw notFound('Пользователь');
    return toUser(row);
  }
}

@Resolver(() => User)
export class UserDocumentsResolver {
  @FieldResolver(() => [PersonalDocument], { description: 'The user\'s personal documents (the user themselves, or staff).' })
  async documents(@Root() user: User, @Ctx() ctx: Ctx): Promise<PersonalDocument[]> {
    if (!ctx.viewer) return [];
    return (await ctx.services.documents.documentsOf(ctx.viewer, user.id)).map((r) => documentOf(ctx, r));
  }
}
