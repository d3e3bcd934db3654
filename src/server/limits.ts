/**
 * Query limits applied alike to HTTP and WebSocket operations: depth, aliases (including
 * `__typename` aliases) and directives (graphql-armor validation rules) and tokens (the parser's
 * maxTokens). The cost, which needs the variables' values, is src/server/cost.ts.
 */
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { Config } from '../config/env.js';

export function validationRules(config: Config): ValidationRule[] {
  const exposeLimits = !config.isProduction;
  // Report through the validation context (GRAPHQL_VALIDATION_FAILED), not by throwing (masked as internal).
  const propagateOnRejection = false;
  const onReject = [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)];
  return [
    maxDepthRule({ n: config.GRAPHQL_MAX_DEPTH, exposeLimits, propagateOnRejection, onReject, ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES, exposeLimits, propagateOnRejection, onReject, allowList: [] }),
    maxDirectivesRule({ n: config.GRAPHQL_MAX_DIRECTIVES, exposeLimits, propagateOnRejection, onReject }),
  ] as ValidationRule[];
}

export const parseOptions = (config: Config) => ({ maxTokens: config.GRAPHQL_MAX_TOKENS });
