/**
 * `User.notificationPreferences`: a field of accounts' User whose data belongs to notifications.
 * It lives here because accounts may depend on notifications' door, and not the other way round.
 * createAccountsModule constructs it with the notifications module's preferences service.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { NotificationPreferences, toPreferences, type NotificationPreferencesService } from '../notifications/index.js';
import { User } from './accounts.types.js';

@Resolver(() => User)
export class UserNotificationPreferencesResolver {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @FieldResolver(() => NotificationPreferences, { description: 'Visible to the user (and admins).' })
  async notificationPreferences(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<NotificationPreferences> {
    return toPreferences(await this.preferences.preferences(requireViewer(ctx), user.id));
  }
}
