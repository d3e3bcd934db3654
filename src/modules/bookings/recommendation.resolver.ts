/** BranchRecommendation.nextFreeSlot: the queue ranks branches, bookings own the Slot type it shows. */
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { BranchRecommendation } from '../queue/index.js';
import { Slot } from './bookings.types.js';

@Resolver(() => BranchRecommendation)
export class RecommendationSlotResolver {
  @FieldResolver(() => Slot, { nullable: true, description: 'The earliest free appointment place for the service.' })
  nextFreeSlot(@Root() r: BranchRecommendation): Slot | null {
    return r.nextFreePlace;
  }
}
