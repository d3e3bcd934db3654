/** Dependants: the parent's list and edits, operators' review, User.dependants, Booking.forDependant, Application.forDependant. */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Database } from '../../db/client.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { User } from '../accounts/index.js';
import { Application } from '../applications/index.js';
import { Booking } from '../bookings/index.js';
import { PersonalDocument, toDocumentAt, VerificationStatus } from '../documents/index.js';
import type { DependantsService } from './dependants.service.js';
import { DependantInput } from './family.inputs.js';
import { familyLoaders } from './family.loaders.js';
import { toDependant } from './family.mappers.js';
import type { FamilyRepository } from './family.repository.js';
import { Dependant } from './family.types.js';

type Ctx = GraphQLContext;

/** What the family resolvers are built from. */
export interface FamilyResolverDeps {
  dependants: DependantsService;
  repo: FamilyRepository;
  db: Database;
  /** DOCUMENT_EXPIRY_REMINDER_DAYS, for PersonalDocument.expiresSoon. */
  reminderDays: number;
}

@Resolver(() => Dependant)
export class DependantResolver {
  constructor(private readonly deps: FamilyResolverDeps) {}

  @Authorized()
  @Query(() => [Dependant], { description: 'The caller\'s children and wards still in the account.' })
  async myDependants(@Ctx() ctx: Ctx): Promise<Dependant[]> {
    return (await this.deps.dependants.myDependants(requireViewer(ctx))).map(toDependant);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Query(() => [Dependant], { description: 'Operators and admins (beyond the contract): dependants whose document waits for review, oldest first.' })
  async dependantsToReview(@Arg('first', () => Int, { nullable: true, defaultValue: 50, description: 'At most this many (1–200).' }) first: number | null, @Ctx() ctx: Ctx): Promise<Dependant[]> {
    return (await this.deps.dependants.toReview(requireViewer(ctx), first ?? 50)).map(toDependant);
  }

  @Authorized()
  @Mutation(() => Dependant, { description: 'Adds a child under 18 (birth certificate) or a ward (guardianship decision); an operator checks the document.' })
  async addDependant(@Arg('input', () => DependantInput, { description: 'The child or ward; add the document scan as an attachment for the operator\'s check.' }) input: DependantInput, @Ctx() ctx: Ctx): Promise<Dependant> {
    return toDependant(await this.deps.dependants.add(requireViewer(ctx), input));
  }

  @Authorized()
  @Mutation(() => Dependant, { description: 'Corrects a dependant and its document; both go back to review. The relation stays.' })
  async updateDependant(@Arg('id', () => ID, { description: 'The caller\'s dependant to change (it is checked again).' }) id: string, @Arg('input', () => DependantInput, { description: 'The new data.' }) input: DependantInput, @Ctx() ctx: Ctx): Promise<Dependant> {
    return toDependant(await this.deps.dependants.update(requireViewer(ctx), id, input));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'The dependant leaves the account; bookings and applications made for them keep it.' })
  removeDependant(@Arg('id', () => ID, { description: 'The caller\'s dependant to remove.' }) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.deps.dependants.remove(requireViewer(ctx), id);
  }

  @Authorized('OPERATOR', 'ADMIN')
  @Mutation(() => Dependant, { description: 'Operators: the result of checking a dependant\'s document (VERIFIED, or REJECTED with a reason).' })
  async reviewDependant(
    @Arg('id', () => ID, { description: 'The dependant to decide on.' }) id: string,
    @Arg('status', () => VerificationStatus, { description: 'VERIFIED or REJECTED.' }) status: VerificationStatus,
    @Arg('reason', () => String, { description: 'Why it is rejected (required for REJECTED), shown to the citizen.', nullable: true }) reason: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<Dependant> {
    return toDependant(await this.deps.dependants.review(requireViewer(ctx), id, status, reason));
  }

  @FieldResolver(() => [PersonalDocument], { description: 'The dependant\'s documents in force.' })
  async documents(@Root() d: Dependant, @Ctx() ctx: Ctx): Promise<PersonalDocument[]> {
    const rows = await familyLoaders(ctx, this.deps.db, this.deps.repo, this.deps.dependants).documentsByDependant.load(d.id);
    return rows.map((r) => toDocumentAt(r, ctx.now, this.deps.reminderDays));
  }
}

@Resolver(() => User)
export class UserDependantsResolver {
  constructor(private readonly deps: FamilyResolverDeps) {}

  @FieldResolver(() => [Dependant], { description: 'The user\'s children and wards (the user themselves, or staff who may see the user).' })
  async dependants(@Root() user: User, @Ctx() ctx: Ctx): Promise<Dependant[]> {
    if (!ctx.viewer) return [];
    return (await this.deps.dependants.dependantsOf(ctx.viewer, user.id)).map(toDependant);
  }
}

/** The dependant a booking or application is for; the root was already found visible to the viewer. */
async function dependantOf(deps: FamilyResolverDeps, ctx: Ctx, id: string | null): Promise<Dependant | null> {
  if (!id) return null;
  const row = await familyLoaders(ctx, deps.db, deps.repo, deps.dependants).dependantById.load(id);
  return row ? toDependant(row) : null;
}

@Resolver(() => Booking)
export class BookingDependantResolver {
  constructor(private readonly deps: FamilyResolverDeps) {}

  @FieldResolver(() => Dependant, { nullable: true, description: 'Set when the booking was made for a dependant.' })
  forDependant(@Root() b: Booking, @Ctx() ctx: Ctx): Promise<Dependant | null> {
    return dependantOf(this.deps, ctx, b.forDependantId);
  }
}

@Resolver(() => Application)
export class ApplicationDependantResolver {
  constructor(private readonly deps: FamilyResolverDeps) {}

  @FieldResolver(() => Dependant, { nullable: true, description: 'Set when the application is made for a dependant (the applicant acts as the representative).' })
  forDependant(@Root() a: Application, @Ctx() ctx: Ctx): Promise<Dependant | null> {
    return dependantOf(this.deps, ctx, a.forDependantId);
  }
}
