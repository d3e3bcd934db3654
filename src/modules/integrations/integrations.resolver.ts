/**
 * Integrators over GraphQL. Machine clients are managed by admins only (@Authorized('ADMIN'));
 * webhook endpoints by admins or by an API client with WEBHOOKS_MANAGE (its own endpoints; the
 * scope itself is checked before execution, src/server/api-scopes.ts).
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApiScopeName } from '../../shared/auth/api-client.js';
import { hasRole } from '../../shared/auth/viewer.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import type { ApiClientsService } from './api-clients.service.js';
import { toApiClient, toDelivery, toEndpoint } from './integrations.mappers.js';
import { ApiClient, ApiKeySecret, ApiScope, WebhookDelivery, WebhookDeliveryConnection, WebhookDeliveryStatus, WebhookEndpoint, WebhookEndpointInput, WebhookEndpointSecret } from './integrations.types.js';
import type { Manager, WebhooksService } from './webhooks.service.js';

type Ctx = GraphQLContext;

/** The caller as a webhook manager: an admin, or an API client (scope checked before execution). */
function managerOf(ctx: Ctx): Manager {
  if (ctx.apiClient) {
    if (!ctx.apiClient.scopes.includes('WEBHOOKS_MANAGE')) throw forbidden();
    return { kind: 'client', client: ctx.apiClient };
  }
  if (!ctx.viewer) throw unauthenticated();
  if (!hasRole(ctx.viewer, 'ADMIN')) throw forbidden();
  return { kind: 'admin', userId: ctx.viewer.userId };
}

@Resolver(() => ApiClient)
export class ApiClientsResolver {
  constructor(private readonly clients: ApiClientsService) {}

  @Authorized('ADMIN')
  @Query(() => [ApiClient], { description: 'Admins: machine clients, newest first (revoked ones included).' })
  async apiClients(@Ctx() ctx: Ctx): Promise<ApiClient[]> {
    return (await this.clients.list(requireViewer(ctx))).map(toApiClient);
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeySecret, { description: 'Admins: a new machine client and its key (shown once).' })
  async createApiClient(
    @Arg('name', { description: 'A name to recognise it by (1-100 characters).' }) name: string,
    @Arg('scopes', () => [ApiScope], { description: 'What it may do (at least one).' }) scopes: ApiScopeName[],
    @Arg('branchIds', () => [ID], { nullable: true, description: 'Restrict it to these branches (all when absent).' }) branchIds: string[] | null,
    @Ctx() ctx: Ctx,
  ): Promise<ApiKeySecret> {
    const { client, secret } = await this.clients.create(requireViewer(ctx), { name, scopes, branchIds });
    return { client: toApiClient(client), secret };
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeySecret, { description: 'Admins: a new key for the client; the old one stops working at once.' })
  async rotateApiKey(@Arg('id', () => ID, { description: 'The client.' }) id: string, @Ctx() ctx: Ctx): Promise<ApiKeySecret> {
    const { client, secret } = await this.clients.rotate(requireViewer(ctx), id);
    return { client: toApiClient(client), secret };
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiClient, { description: 'Admins: the key stops working at once; its webhook endpoints receive nothing more.' })
  async revokeApiClient(@Arg('id', () => ID, { description: 'The client.' }) id: string, @Ctx() ctx: Ctx): Promise<ApiClient> {
    return toApiClient(await this.clients.revoke(requireViewer(ctx), id));
  }
}

@Resolver(() => WebhookEndpoint)
export class WebhooksResolver {
  constructor(private readonly webhooks: WebhooksService) {}

  @Query(() => [WebhookEndpoint], { description: 'Admins: every webhook endpoint; an API client with WEBHOOKS_MANAGE: its own.' })
  async webhookEndpoints(@Ctx() ctx: Ctx): Promise<WebhookEndpoint[]> {
    return (await this.webhooks.list(managerOf(ctx))).map(toEndpoint);
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'The delivery log, newest first. Cost: one page.' })
  async deliveries(
    @Root() endpoint: WebhookEndpoint,
    @Arg('status', () => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' }) status: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size (1-100).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const page = await this.webhooks.deliveries(endpoint.id, { status, first, after });
    return { ...page, nodes: page.nodes.map(toDelivery) };
  }

  @Mutation(() => WebhookEndpointSecret, { description: 'A new endpoint and its signing secret (shown once).' })
  async createWebhookEndpoint(@Arg('input', () => WebhookEndpointInput, { description: 'Where, which events, which branches.' }) input: WebhookEndpointInput, @Ctx() ctx: Ctx): Promise<WebhookEndpointSecret> {
    const { endpoint, secret } = await this.webhooks.create(managerOf(ctx), input);
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Mutation(() => WebhookEndpoint, { description: 'Replace an endpoint\'s settings; active: true switches a disabled endpoint on again.' })
  async updateWebhookEndpoint(
    @Arg('id', () => ID, { description: 'The endpoint.' }) id: string,
    @Arg('input', () => WebhookEndpointInput, { description: 'The new settings.' }) input: WebhookEndpointInput,
    @Ctx() ctx: Ctx,
  ): Promise<WebhookEndpoint> {
    return toEndpoint(await this.webhooks.update(managerOf(ctx), id, input));
  }

  @Mutation(() => Boolean, { description: 'Delete an endpoint; nothing more is sent to it.' })
  async deleteWebhookEndpoint(@Arg('id', () => ID, { description: 'The endpoint.' }) id: string, @Ctx() ctx: Ctx): Promise<boolean> {
    return this.webhooks.remove(managerOf(ctx), id);
  }

  @Mutation(() => WebhookDelivery, { description: 'Send one delivery again (a new attempt, same webhook-id).' })
  async replayWebhookDelivery(@Arg('id', () => ID, { description: 'The delivery.' }) id: string, @Ctx() ctx: Ctx): Promise<WebhookDelivery> {
    return toDelivery(await this.webhooks.replayDelivery(managerOf(ctx), id));
  }

  @Mutation(() => Int, { description: 'Send again every event since a moment; the number of deliveries queued (at most 10,000).' })
  async replayWebhookEvents(
    @Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string,
    @Arg('since', () => DateTimeScalar, { description: 'Events that occurred at or after this moment.' }) since: Date,
    @Ctx() ctx: Ctx,
  ): Promise<number> {
    return this.webhooks.replayEvents(managerOf(ctx), endpointId, since);
  }

  @Mutation(() => WebhookDelivery, { description: 'Send a TEST event to the endpoint now.' })
  async sendTestWebhook(@Arg('endpointId', () => ID, { description: 'The endpoint.' }) endpointId: string, @Ctx() ctx: Ctx): Promise<WebhookDelivery> {
    return toDelivery(await this.webhooks.sendTest(managerOf(ctx), endpointId));
  }
}
