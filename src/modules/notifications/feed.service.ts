/**
 * The owner's side of the in-app feed: pages of it, one notification, the unread count, marking
 * read, clearing, and the live feed. Every read and write is scoped to the viewer's own feed.
 */
import type { Database } from '../../db/client.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import type { Clock } from '../../shared/clock.js';
import { badField, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { decodeCursor, encodeCursor, type PageInfo } from '../../shared/pagination.js';
import { ownEvents, type AppPubSub } from '../../shared/pubsub.js';
import { notificationTopic, type NotificationEvent } from './notifications.events.js';
import * as repo from './notifications.repository.js';
import { feedPageSize, MARK_READ_MAX } from './notifications.rules.js';
import type { NotificationCategory } from './templates.js';

export interface NotificationPage {
  nodes: repo.NotificationRow[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface FeedFilter {
  unreadOnly?: boolean | null;
  category?: NotificationCategory | null;
}

export class NotificationFeedService {
  constructor(private readonly deps: { db: Database; clock: Clock; pubsub: AppPubSub }) {}

  async feed(viewer: Viewer, filter: FeedFilter | null, first: number | null, after: string | null): Promise<NotificationPage> {
    const limit = feedPageSize(first);
    const cursor = after ? decodeCursor(after) : null;
    const f = { userId: viewer.userId, unreadOnly: filter?.unreadOnly, category: filter?.category };
    const [rows, totalCount] = await Promise.all([repo.feedPage(this.deps.db, { ...f, after: cursor, limit: limit + 1 }), repo.feedCount(this.deps.db, f)]);
    const nodes = rows.slice(0, limit);
    const last = nodes.at(-1);
    return { nodes, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : null } };
  }

  /** A notification of the viewer's feed, or null. */
  async notification(viewer: Viewer, id: string): Promise<repo.NotificationRow | null> {
    if (!isUuid(id)) return null;
    return (await repo.findFeedNotification(this.deps.db, viewer.userId, id)) ?? null;
  }

  unreadCount(viewer: Viewer): Promise<number> {
    return repo.feedCount(this.deps.db, { userId: viewer.userId, unreadOnly: true });
  }

  async markRead(viewer: Viewer, ids: string[]): Promise<number> {
    if (ids.length > MARK_READ_MAX) throw badField('ids', `Не больше ${MARK_READ_MAX} уведомлений за раз`);
    return repo.markRead(this.deps.db, viewer.userId, ids.filter(isUuid), this.deps.clock.now());
  }

  markAllRead(viewer: Viewer): Promise<number> {
    return repo.markRead(this.deps.db, viewer.userId, null, this.deps.clock.now());
  }

  async remove(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id) || !(await repo.softDelete(this.deps.db, viewer.userId, id, this.deps.clock.now()))) throw notFound('Уведомление');
    return true;
  }

  /** Notifications reaching the viewer's feed, as they arrive (published by the worker after its commit). */
  live(viewer: Viewer): AsyncIterable<NotificationEvent> {
    return ownEvents(this.deps.pubsub, notificationTopic, viewer.userId);
  }
}
