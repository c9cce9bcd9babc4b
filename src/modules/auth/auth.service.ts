import { AppError } from '../../core/errors.js';
import type { Role } from '../../core/ledger/enums.js';
import type { AppDeps } from '../../deps.js';
import { type Actor, hasRole, type RequestAuth } from './access.js';
import {
  type ApiTokenRow,
  deleteExpiredSessions,
  deleteSession,
  findApiTokens,
  findDefaultMembership,
  findLiveApiToken,
  findMemberships,
  findSession,
  findUserByEmail,
  findUserById,
  insertApiToken,
  insertSession,
  revokeApiToken as revokeApiTokenRow,
  touchApiToken,
  updateSessionOrganisation,
} from './auth.repo.js';
import type { ApiToken, CreatedApiToken, MeResponse } from './auth.schemas.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { randomSecret, sha256 } from './secrets.js';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60_000;
export const API_TOKEN_PREFIX = 'cd_';

type AuthDeps = Pick<AppDeps, 'db' | 'clock'>;

// Verified against when the email is unknown, so a failed login costs the same either way.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword(randomSecret());
  return dummyHash;
};

export type LoginResult = { sessionId: string; expiresAt: Date };

/**
 * Checks the password and opens a session in the user's first organisation. Unknown email, wrong
 * password and a deactivated user give the same error after the same work.
 */
export async function login(
  deps: AuthDeps & { throttle: LoginThrottle },
  params: { email: string; password: string; ip: string },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const key = `${params.email.trim().toLowerCase()}|${params.ip}`;
  if (deps.throttle.isBlocked(key, now)) {
    throw new AppError('TOO_MANY_REQUESTS', 'too many failed logins; try again in a few minutes');
  }
  const user = await findUserByEmail(deps.db, params.email);
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), params.password);
  if (!user?.passwordHash || !user.isActive || !isValid) {
    deps.throttle.recordFailure(key, now);
    throw new AppError('INVALID_CREDENTIALS', 'email or password is incorrect');
  }
  const first = await findDefaultMembership(deps.db, user.id);
  if (!first) throw new AppError('FORBIDDEN', 'this account does not belong to any organisation');
  deps.throttle.reset(key);

  const sessionId = randomSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await deleteExpiredSessions(deps.db, user.id, now);
  await insertSession(deps.db, {
    idHash: sha256(sessionId),
    userId: user.id,
    orgId: first.id,
    csrfToken: randomSecret(),
    expiresAt,
  });
  return { sessionId, expiresAt };
}

export async function logout(deps: AuthDeps, auth: RequestAuth): Promise<void> {
  if (auth.sessionIdHash) await deleteSession(deps.db, auth.sessionIdHash);
}

export async function authenticateSession(deps: AuthDeps, sessionId: string): Promise<RequestAuth | null> {
  const idHash = sha256(sessionId);
  const session = await findSession(deps.db, idHash, deps.clock.now());
  if (!session) return null;
  return {
    via: 'session',
    orgId: session.orgId,
    role: session.role,
    userId: session.userId,
    actorLabel: session.userName,
    sessionIdHash: idHash,
    csrfToken: session.csrfToken,
  };
}

export async function authenticateBearer(deps: AuthDeps, token: string): Promise<RequestAuth | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await findLiveApiToken(deps.db, sha256(token));
  if (!row) return null;
  await touchApiToken(deps.db, row.id, deps.clock.now());
  return {
    via: 'token',
    orgId: row.orgId,
    role: row.role,
    userId: null,
    actorLabel: `API token "${row.name}"`,
    sessionIdHash: null,
    csrfToken: null,
  };
}

export async function getMe(deps: AuthDeps, auth: RequestAuth): Promise<MeResponse> {
  if (!auth.userId || !auth.csrfToken) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const user = await findUserById(deps.db, auth.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const organisations = await findMemberships(deps.db, user.id);
  const current = organisations.find((o) => o.id === auth.orgId);
  if (!current) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return {
    user: { id: user.id, email: user.email, name: user.name, language: user.language },
    organisation: current,
    role: current.role,
    organisations,
    csrfToken: auth.csrfToken,
  };
}

/** Moves the session to another organisation of the same user; an unknown one is "not found". */
export async function switchOrganisation(deps: AuthDeps, auth: RequestAuth, orgId: string): Promise<void> {
  if (!auth.userId || !auth.sessionIdHash) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const organisations = await findMemberships(deps.db, auth.userId);
  if (!organisations.some((o) => o.id === orgId)) {
    throw new AppError('ORGANISATION_NOT_FOUND', 'no such organisation');
  }
  await updateSessionOrganisation(deps.db, auth.sessionIdHash, orgId);
}

const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Creates a token for an integration; it can never have more rights than its creator. */
export async function createApiToken(
  deps: AuthDeps,
  actor: Actor,
  request: { name: string; role: Role },
): Promise<CreatedApiToken> {
  if (!hasRole(actor.role, request.role)) {
    throw new AppError('FORBIDDEN', 'a token cannot have a higher role than yours', [
      { field: 'role', message: `at most ${actor.role}` },
    ]);
  }
  const token = `${API_TOKEN_PREFIX}${randomSecret()}`;
  const row = await insertApiToken(deps.db, {
    orgId: actor.orgId,
    name: request.name,
    role: request.role,
    tokenHash: sha256(token),
    createdBy: actor.userId,
  });
  return { ...toApiToken(row), token };
}

export async function listApiTokens(deps: AuthDeps, actor: Actor): Promise<ApiToken[]> {
  return (await findApiTokens(deps.db, actor.orgId)).map(toApiToken);
}

export async function revokeApiToken(deps: AuthDeps, actor: Actor, tokenId: string): Promise<ApiToken> {
  const row = await revokeApiTokenRow(deps.db, { orgId: actor.orgId, tokenId, now: deps.clock.now() });
  if (!row) throw new AppError('API_TOKEN_NOT_FOUND', 'no such API token');
  return toApiToken(row);
}
