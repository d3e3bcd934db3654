/** Booking.readiness: the required documents against the documents on file (beside BookingResolver to keep files short). */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../shared/errors.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { DocumentKind } from '../catalog/index.js';
import { toDocumentAt } from '../documents/index.js';
import { bookingsLoaders } from './bookings.loaders.js';
import type { BookingsService } from './bookings.service.js';
import { Booking, BookingReadiness } from './bookings.types.js';

@Resolver(() => Booking)
export class BookingReadinessResolver {
  constructor(
    private readonly bookings: BookingsService,
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly config: Pick<Config, 'DOCUMENT_EXPIRY_REMINDER_DAYS'>,
  ) {}

  @FieldResolver(() => BookingReadiness, { description: 'Which required documents are missing, expire before the visit or were rejected.' })
  async readiness(@Root() b: Booking, @Ctx() ctx: GraphQLContext): Promise<BookingReadiness> {
    const row = await bookingsLoaders(ctx, this.db).bookingById.load(b.id);
    if (!row) throw notFound('Запись');
    const r = await this.bookings.readiness(requireViewer(ctx), row);
    const now = this.clock.now();
    return {
      ready: r.ready,
      missingDocuments: r.missing.map((d) => ({ kind: d.kind ? (DocumentKind[d.kind as keyof typeof DocumentKind] ?? null) : null, title: d.title, description: d.description, optional: d.optional })),
      invalidDocuments: r.invalid.map((d) => toDocumentAt(d, now, this.config.DOCUMENT_EXPIRY_REMINDER_DAYS)),
    };
  }
}
