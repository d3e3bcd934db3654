/** The citizen's subscribable calendar of visits: its secret addresses, and a reset. */
import { Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import type { CalendarFeedService, CalendarFeedUrls } from './calendar-feed.service.js';

@ObjectType({ description: 'A secret address of the caller\'s visits as a calendar that apps subscribe to (iCalendar, refreshed hourly); anyone with the address can read it, so keep it private and reset it when it leaks.' })
export class CalendarFeed {
  @Field({ description: 'The feed over HTTPS (or HTTP in development): for apps that take a URL ("Add calendar from URL").' })
  url!: string;

  @Field({ description: 'The same feed as a webcal: link: opens the calendar app\'s subscription dialog.' })
  webcalUrl!: string;
}

@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Authorized()
  @Query(() => CalendarFeed, { description: 'The caller\'s calendar feed of visits: every booking from 30 days ago on, with updates (SEQUENCE) and cancellations (STATUS:CANCELLED).' })
  myCalendarFeed(@Ctx() ctx: GraphQLContext): Promise<CalendarFeedUrls> {
    return this.feeds.feed(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => CalendarFeed, { description: 'A new secret address for the caller\'s calendar feed; every earlier address stops working at once.' })
  resetCalendarFeed(@Ctx() ctx: GraphQLContext): Promise<CalendarFeedUrls> {
    return this.feeds.reset(requireViewer(ctx));
  }
}
