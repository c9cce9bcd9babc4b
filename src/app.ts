import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, LogController } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldIssue } from './core/errors.js';
import type { AppDeps } from './deps.js';
import type { RouteAccess } from './modules/auth/access.js';
import { registerAuthHooks } from './modules/auth/auth.hooks.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { createLoginThrottle, type LoginThrottle } from './modules/auth/login-throttle.js';
import { bankingRoutes } from './modules/banking/banking.routes.js';
import { callSettingsRoutes } from './modules/calls/call-settings.routes.js';
import { callTextRoutes } from './modules/calls/call-texts.routes.js';
import { callRoutes } from './modules/calls/calls.routes.js';
import { evaluationRoutes } from './modules/calls/evaluation.routes.js';
import { dunningRoutes } from './modules/dunning/dunning.routes.js';
import { ledgerRoutes } from './modules/ledger/ledger.routes.js';
import { planRoutes } from './modules/plans/plans.routes.js';

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Every route as registered, so tests can check them all (isolation, access). */
export type RegisteredRoute = { method: string; url: string; access: RouteAccess | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: readonly RegisteredRoute[];
  }
}

export type BuildAppOptions = {
  /** Folder of the built web app; a hint page is served when it does not exist. */
  webDistDir?: string;
  throttle?: LoginThrottle;
};

/** The HTTP application without listening: tests drive it with `app.inject()`. */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    bodyLimit: 5 * 1024 * 1024,
    // One line per request is noise on a terminal; debug/trace turn it back on.
    logController: new LogController({
      disableRequestLogging: !['debug', 'trace'].includes(deps.config.logLevel),
    }),
    // Behind a reverse proxy the client address (used by the login throttle) is in X-Forwarded-For.
    trustProxy: deps.config.publicUrl !== undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 100 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Collectdesk API',
        version: '0.1.0',
        description:
          'Receivables collection. Money is a string with two decimals, dates are YYYY-MM-DD. ' +
          'Authenticate with the session cookie (and the x-csrf-token header on unsafe methods) ' +
          'or with `Authorization: Bearer cd_…`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'cd_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerAuthHooks(app, deps);
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, access: route.config?.access });
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(authRoutes, { deps, throttle: options.throttle ?? createLoginThrottle() });
  await app.register(ledgerRoutes, { deps });
  await app.register(dunningRoutes, { deps });
  await app.register(bankingRoutes, { deps });
  await app.register(planRoutes, { deps });
  await app.register(callRoutes, { deps });
  await app.register(callTextRoutes, { deps });
  await app.register(callSettingsRoutes, { deps });
  await app.register(evaluationRoutes, { deps });

  await registerWebApp(app, options.webDistDir ?? DEFAULT_WEB_DIST);
  return app;
}

type ErrorBody = { error: { code: ErrorCode; message: string; issues: readonly FieldIssue[] } };
const errorBody = (code: ErrorCode, message: string, issues: readonly FieldIssue[] = []): ErrorBody => ({
  error: { code, message, issues },
});

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'BAD_REQUEST',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_FILE',
  429: 'TOO_MANY_REQUESTS',
};

/** The one error handler: AppError → its status; bad input → 400 with field issues; else 500. */
function handleError(
  this: FastifyInstance,
  error: FastifyError,
  request: Parameters<Parameters<FastifyInstance['setErrorHandler']>[0]>[1],
  reply: Parameters<Parameters<FastifyInstance['setErrorHandler']>[0]>[2],
) {
  if (error instanceof AppError) {
    return reply.status(error.status).send(errorBody(error.code, error.message, error.issues));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    // One issue per field, the first: zod goes on checking a value of the wrong type ("too small").
    const byField = new Map<string, string>();
    for (const issue of error.validation) {
      const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || where;
      if (!byField.has(field)) byField.set(field, issue.message ?? 'invalid');
    }
    const issues = [...byField].map(([field, message]) => ({ field, message }));
    const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    return reply.status(400).send(errorBody('VALIDATION_FAILED', `invalid ${where}: ${summary}`, issues));
  }
  const status = error.statusCode ?? 500;
  const code = STATUS_CODES[status];
  if (status >= 400 && status < 500 && code) {
    return reply.status(status).send(errorBody(code, error.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('INTERNAL_ERROR', 'something went wrong on our side'));
}

/** Serves web/dist with a fallback to index.html for client-side routes; /api stays JSON. */
async function registerWebApp(app: FastifyInstance, webDistDir: string): Promise<void> {
  const hasWebApp = existsSync(`${webDistDir}/index.html`);
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: webDistDir, prefix: '/', wildcard: true, index: 'index.html' });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/') || !['GET', 'HEAD'].includes(request.method)) {
      return reply.status(404).send(errorBody('NOT_FOUND', `no route ${request.method} ${path}`));
    }
    if (hasWebApp) return reply.type('text/html').sendFile('index.html');
    return reply
      .type('text/html')
      .send(
        '<!doctype html><meta charset="utf-8"><title>Collectdesk</title>' +
          '<p>The web app is not built yet: run <code>npm run build:web</code> and reload. ' +
          'The API is running: see <a href="/api/docs">/api/docs</a>.</p>',
      );
  });
}
