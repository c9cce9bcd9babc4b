import 'fastify';
import type { Role } from '../../core/ledger/enums.js';

/**
 * Who may call a route: `public` (no login), `session` (any signed-in browser user, for the
 * account routes), or the lowest role that may (roles are ordered viewer < collector <
 * senior_collector < admin). Every /api route must declare one; buildApp refuses a route without.
 */
export type RouteAccess = 'public' | 'session' | Role;

const ROLE_RANK: Record<Role, number> = { viewer: 0, collector: 1, senior_collector: 2, admin: 3 };

export function hasRole(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** The caller of a request, as resolved from its session cookie or bearer token. */
export type RequestAuth = {
  via: 'session' | 'token';
  orgId: string;
  role: Role;
  /** The signed-in user; null for an API token. */
  userId: string | null;
  /** How the caller appears on timelines: the user's name or `API token "name"`. */
  actorLabel: string;
  sessionIdHash: string | null;
  csrfToken: string | null;
};

/** What a service needs to know about who acts: the tenant and the name for the timeline. */
export type Actor = { orgId: string; userId: string | null; label: string; role: Role };

export function actorOf(auth: RequestAuth): Actor {
  return { orgId: auth.orgId, userId: auth.userId, label: auth.actorLabel, role: auth.role };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** Set by the auth hook on every route that is not public. */
    auth: RequestAuth | null;
  }
}
