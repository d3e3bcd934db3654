/**
 * Managing webhook endpoints: admins manage every endpoint, an API client with WEBHOOKS_MANAGE
 * its own, and only for events its scopes allow and branches it may see. URLs are checked at
 * creation (form, and in production that the host resolves to public addresses only) and again
 * at each delivery. Replays start a new round of attempts with the same webhook-id.
 */
import { randomUUID } from 'node:crypto';
import type { ApiClientPrincipal } from '../../shared/auth/api-client.js';
import { badInput, notFound, type FieldProblem } from '../../shared/errors.js';
import { decodeCursor, encodeCursor } from '../../shared/pagination.js';
import type { IntegrationsDeps } from './integrations.deps.js';
import type { WebhookDeliveryService } from './webhook-delivery.service.js';
import { hostRefused } from './webhook-target.js';
import * as repo from './webhooks.repository.js';
import { allowsPrivateTargets, EVENT_SCOPE, newWebhookSecret, urlProblem } from './webhooks.rules.js';
import type { WebhookEventTypeName } from '../../jobs/integration-events.js';

/** Who manages endpoints: an admin (every endpoint) or a machine client (its own). */
export type Manager = { kind: 'admin'; userId: string } | { kind: 'client'; client: ApiClientPrincipal };

export interface EndpointInput {
  url: string;
  events: readonly string[];
  branchIds?: readonly string[] | null;
  active?: boolean;
}

const REPLAY_MAX = 10_000;
const ownerOf = (m: Manager) => (m.kind === 'client' ? m.client.clientId : undefined);

export class WebhooksService {
  constructor(private readonly deps: IntegrationsDeps, private readonly delivery: WebhookDeliveryService) {}

  list(manager: Manager): Promise<repo.EndpointRow[]> {
    return repo.listEndpoints(this.deps.db, ownerOf(manager));
  }

  async create(manager: Manager, input: EndpointInput): Promise<{ endpoint: repo.EndpointRow; secret: string }> {
    const checked = await this.check(manager, input);
    const secret = newWebhookSecret();
    const endpoint = await repo.insertEndpoint(this.deps.db, {
      ...checked,
      secret: this.deps.cipher.seal(secret),
      active: input.active ?? true,
      clientId: ownerOf(manager) ?? null,
      createdBy: manager.kind === 'admin' ? manager.userId : null,
      createdAt: this.deps.clock.now(),
    });
    return { endpoint, secret };
  }

  /** Switching an endpoint on again clears its failure run. */
  async update(manager: Manager, id: string, input: EndpointInput): Promise<repo.EndpointRow> {
    await this.endpoint(manager, id);
    const checked = await this.check(manager, input);
    const active = input.active ?? true;
    const row = await repo.updateEndpoint(this.deps.db, id, { ...checked, active, ...(active ? { failingSince: null, disabledAt: null } : {}) });
    if (!row) throw notFound('Вебхук');
    return row;
  }

  async remove(manager: Manager, id: string): Promise<boolean> {
    await this.endpoint(manager, id);
    await repo.updateEndpoint(this.deps.db, id, { deletedAt: this.deps.clock.now(), active: false });
    return true;
  }

  async endpoint(manager: Manager, id: string): Promise<repo.EndpointRow> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findEndpoint(this.deps.db, id, ownerOf(manager)) : undefined;
    if (!row) throw notFound('Вебхук');
    return row;
  }

  async deliveries(endpointId: string, opts: { status?: string | null; first?: number | null; after?: string | null }) {
    const limit = Math.min(Math.max(opts.first ?? 20, 1), 100);
    const after = opts.after ? decodeCursor(opts.after) : undefined;
    const { rows, total } = await repo.pageDeliveries(this.deps.db, endpointId, { status: opts.status, limit: limit + 1, after });
    const nodes = rows.slice(0, limit);
    const last = nodes[nodes.length - 1];
    return { nodes, totalCount: total, pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor({ at: last.createdAt, id: last.id }) : null } };
  }

  /** One delivery again: a new round now, same webhook-id. */
  async replayDelivery(manager: Manager, id: string): Promise<repo.DeliveryRow> {
    const found = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findDelivery(this.deps.db, id) : undefined;
    if (!found) throw notFound('Доставка');
    await this.endpoint(manager, found.endpointId).catch(() => Promise.reject(notFound('Доставка')));
    const row = await repo.restartDelivery(this.deps.db, id, this.deps.clock.now());
    if (!row) throw notFound('Доставка');
    await this.delivery.enqueue(row.id, row.attempts, 0);
    return row;
  }

  /** Every event of the endpoint's types since a moment, again; the number of deliveries queued. */
  async replayEvents(manager: Manager, endpointId: string, since: Date): Promise<number> {
    const endpoint = await this.endpoint(manager, endpointId);
    const events = await repo.eventsSince(this.deps.db, endpoint, since, REPLAY_MAX);
    const rounds = await repo.upsertRounds(this.deps.db, endpoint.id, events.map((e) => e.id), this.deps.clock.now());
    for (const r of rounds) await this.delivery.enqueue(r.id, r.attempts, 0);
    return rounds.length;
  }

  /** A TEST event to this endpoint only. */
  async sendTest(manager: Manager, endpointId: string): Promise<repo.DeliveryRow> {
    const endpoint = await this.endpoint(manager, endpointId);
    const { db, clock } = this.deps;
    const now = clock.now();
    const eventId = randomUUID();
    await repo.insertEvent(db, { id: eventId, type: 'TEST', branchId: null, occurredAt: now, data: { endpointId: endpoint.id, message: 'Проверка доставки' }, createdAt: now });
    const [round] = await repo.upsertRounds(db, endpoint.id, [eventId], now);
    if (!round) throw new Error('test delivery not created');
    await this.delivery.enqueue(round.id, 0, 0);
    const row = await repo.findDelivery(db, round.id);
    if (!row) throw new Error('test delivery not found');
    return row;
  }

  /** Every problem with an endpoint's input at once, field by field; the values to store. */
  private async check(manager: Manager, input: EndpointInput): Promise<{ url: string; events: string[]; branchIds: string[] }> {
    const problems: FieldProblem[] = [];
    const url = input.url.trim();
    const form = urlProblem(url, this.deps.config.isProduction);
    if (form) problems.push({ field: 'input.url', message: form });
    else {
      const refused = await hostRefused(url, allowsPrivateTargets(this.deps.config));
      if (refused) problems.push({ field: 'input.url', message: refused });
    }
    const events = [...new Set(input.events)];
    if (events.length === 0) problems.push({ field: 'input.events', message: 'Выберите хотя бы одно событие' });
    const branchIds = [...new Set(input.branchIds ?? [])];
    if (manager.kind === 'client') problems.push(...this.clientLimits(manager.client, events, branchIds));
    if (problems.length === 0) problems.push(...(await this.unknownBranches(branchIds)));
    if (problems.length > 0) throw badInput(problems);
    return { url, events, branchIds };
  }

  private clientLimits(client: ApiClientPrincipal, events: readonly string[], branchIds: readonly string[]): FieldProblem[] {
    const problems: FieldProblem[] = [];
    events.forEach((e, i) => {
      const scope = EVENT_SCOPE[e as WebhookEventTypeName];
      if (scope && !client.scopes.includes(scope)) problems.push({ field: `input.events.${i}`, message: `Событие ${e} требует области доступа ${scope}` });
    });
    if (client.branchIds.length > 0) {
      if (branchIds.length === 0) problems.push({ field: 'input.branchIds', message: 'Укажите отделения: ключ ограничен отделениями' });
      branchIds.forEach((b, i) => {
        if (!client.branchIds.includes(b)) problems.push({ field: `input.branchIds.${i}`, message: 'Отделение недоступно этому ключу' });
      });
    }
    return problems;
  }

  private async unknownBranches(ids: readonly string[]): Promise<FieldProblem[]> {
    const malformed = ids.findIndex((id) => !/^[0-9a-f-]{36}$/i.test(id));
    if (malformed >= 0) return [{ field: `input.branchIds.${malformed}`, message: 'Отделение не найдено' }];
    const found = new Set((await this.deps.branches.branchesByIds(ids)).map((b) => b.id));
    return ids.flatMap((id, i) => (found.has(id) ? [] : [{ field: `input.branchIds.${i}`, message: 'Отделение не найдено' }]));
  }
}

