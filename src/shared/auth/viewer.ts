/** Who is calling: the authenticated user of a request or WebSocket connection. */
export type RoleName = 'CITIZEN' | 'OPERATOR' | 'ADMIN';

export interface Viewer {
  userId: string;
  sessionId: string;
  roles: readonly RoleName[];
  /** When the access token presented expires (WebSocket connections are closed then). */
  tokenExpiresAt: Date;
}

export const hasRole = (viewer: Viewer | null, ...roles: RoleName[]): boolean =>
  viewer !== null && roles.some((r) => viewer.roles.includes(r));

export const isStaff = (viewer: Viewer | null): boolean => hasRole(viewer, 'OPERATOR', 'ADMIN');
