import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { requireActor, requireAuth, SESSION_COOKIE } from './auth.hooks.js';
import {
  ApiTokenListSchema,
  ApiTokenSchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenSchema,
  LoginRequestSchema,
  MeResponseSchema,
  OkResponseSchema,
  SwitchOrganisationRequestSchema,
  TokenParamsSchema,
} from './auth.schemas.js';
import {
  authenticateSession,
  createApiToken,
  getMe,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
  SESSION_TTL_MS,
  switchOrganisation,
} from './auth.service.js';
import type { LoginThrottle } from './login-throttle.js';

export type AuthRoutesOptions = { deps: AppDeps; throttle: LoginThrottle };

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { deps, throttle }) => {
  const isSecure = deps.config.publicUrl?.startsWith('https:') ?? false;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure } as const;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: LoginRequestSchema,
        response: { 200: MeResponseSchema },
      },
    },
    async (request, reply) => {
      const session = await login({ ...deps, throttle }, { ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, session.sessionId, {
        ...cookieOptions,
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      const auth = await authenticateSession(deps, session.sessionId);
      if (!auth) throw new Error('session vanished right after login');
      return getMe(deps, auth);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'session' },
      schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 200: OkResponseSchema } },
    },
    async (request, reply) => {
      await logout(deps, requireAuth(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'session' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, organisation, role and CSRF token',
        response: { 200: MeResponseSchema },
      },
    },
    async (request) => getMe(deps, requireAuth(request)),
  );

  app.post(
    '/api/auth/organisation',
    {
      config: { access: 'session' },
      schema: {
        tags: ['auth'],
        summary: 'Switch the session to another organisation of the user',
        body: SwitchOrganisationRequestSchema,
        response: { 200: MeResponseSchema },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await switchOrganisation(deps, auth, request.body.orgId);
      return getMe(deps, { ...auth, orgId: request.body.orgId });
    },
  );

  app.get(
    '/api/tokens',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: ['auth'],
        summary: 'API tokens of the organisation',
        response: { 200: ApiTokenListSchema },
      },
    },
    async (request) => ({ tokens: await listApiTokens(deps, requireActor(request)) }),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: ['auth'],
        summary: 'Create an API token (the secret is shown once)',
        body: CreateApiTokenRequestSchema,
        response: { 201: CreatedApiTokenSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createApiToken(deps, requireActor(request), request.body);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'senior_collector' },
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: TokenParamsSchema,
        response: { 200: ApiTokenSchema },
      },
    },
    async (request) => revokeApiToken(deps, requireActor(request), request.params.id),
  );
};
