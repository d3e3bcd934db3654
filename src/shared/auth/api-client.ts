/**
 * The machine-client principal: who calls with `Authorization: ApiKey <secret>`. It is not a user
 * (no viewer, no roles): what it may call is decided by its scopes (src/server/api-scopes.ts) and,
 * when `branchIds` is not empty, by the branches it is restricted to (a hall kiosk is a client
 * restricted to its branch).
 */
export const API_SCOPES = ['CATALOG_READ', 'LOAD_READ', 'BOOKINGS_READ', 'APPLICATIONS_READ', 'APPLICATIONS_WRITE', 'CHARGES_WRITE', 'WEBHOOKS_MANAGE', 'QUEUE_KIOSK'] as const;
export type ApiScopeName = (typeof API_SCOPES)[number];

export interface ApiClientPrincipal {
  clientId: string;
  name: string;
  scopes: readonly ApiScopeName[];
  /** Branches it may see; empty: every branch. */
  branchIds: readonly string[];
}

/** Whether the client may see a branch's data. */
export const clientSeesBranch = (client: ApiClientPrincipal, branchId: string | null): boolean =>
  client.branchIds.length === 0 || (branchId !== null && client.branchIds.includes(branchId));
