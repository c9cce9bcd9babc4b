import '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { AppDeps } from '../../deps.js';
import { type Actor, actorOf, hasRole, type RequestAuth } from './access.js';
import { authenticateBearer, authenticateSession } from './auth.service.js';
import { safeEqual } from './secrets.js';

export const SESSION_COOKIE = 'cd_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes that plugins register (OpenAPI, docs) and that are readable without login. */
const PUBLIC_PLUGIN_ROUTES = ['/api/openapi.json', '/api/docs'];

/**
 * Resolves the caller of every request (bearer token, else session cookie), enforces CSRF for
 * cookie-authenticated unsafe methods and the route's minimum role, before the body is parsed:
 * an unauthenticated request gets 401, not a validation error.
 */
export function registerAuthHooks(app: FastifyInstance, deps: Pick<AppDeps, 'db' | 'clock'>): void {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    if (route.config?.access || !route.url.startsWith('/api')) return;
    if (PUBLIC_PLUGIN_ROUTES.some((p) => route.url.startsWith(p))) {
      route.config = { ...route.config, access: 'public' };
      return;
    }
    throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access ?? 'public';
    if (access === 'public') return;
    const auth = await authenticate(deps, request);
    if (!auth) throw new AppError('UNAUTHENTICATED', 'sign in or send a valid API token');
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !auth.csrfToken || !safeEqual(sent, auth.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID', `missing or wrong ${CSRF_HEADER} header`);
      }
    }
    if (access === 'session') {
      if (auth.via !== 'session') throw new AppError('FORBIDDEN', 'this route needs a browser session');
    } else if (!hasRole(auth.role, access)) {
      throw new AppError('FORBIDDEN', `this needs the role ${access} or higher`);
    }
    request.auth = auth;
  });
}

async function authenticate(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  request: FastifyRequest,
): Promise<RequestAuth | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ? authenticateBearer(deps, match[1]) : null;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  return sessionId ? authenticateSession(deps, sessionId) : null;
}

/** The caller of an authenticated route (set by the hook); throws when a route forgot its access. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', 'sign in or send a valid API token');
  return request.auth;
}

export function requireActor(request: FastifyRequest): Actor {
  return actorOf(requireAuth(request));
}
