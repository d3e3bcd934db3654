/**
 * type-graphql's @Authorized: no viewer → UNAUTHENTICATED, wrong role → FORBIDDEN (the contract's
 * codes rather than type-graphql's generic "Access denied"). Ownership is checked in services.
 */
import type { AuthChecker } from 'type-graphql';
import type { GraphQLContext } from './context.js';
import { forbidden, unauthenticated } from '../errors.js';
import type { RoleName } from '../auth/viewer.js';

export const authChecker: AuthChecker<GraphQLContext, RoleName> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.some((r) => context.viewer?.roles.includes(r))) throw forbidden();
  return true;
};
