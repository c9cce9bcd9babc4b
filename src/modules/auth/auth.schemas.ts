/**
 * Request and response shapes of /api/auth and /api/tokens. Shared with the web app: this file
 * imports nothing but zod and the pure enums, so it bundles for the browser.
 */
import { z } from 'zod';
import { COUNTRIES, LANGUAGES, ROLES } from '../../core/ledger/enums.js';

export const RoleSchema = z.enum(ROLES);

export const LoginRequestSchema = z.object({
  email: z.string().trim().min(1, 'email is required').max(254),
  password: z.string().min(1, 'password is required').max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const OrganisationMembershipSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  country: z.enum(COUNTRIES),
  role: RoleSchema,
});
export type OrganisationMembership = z.infer<typeof OrganisationMembershipSchema>;

/** Who is signed in, where, and the token to send in `x-csrf-token` on POST/PATCH/DELETE. */
export const MeResponseSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    language: z.enum(LANGUAGES),
  }),
  organisation: OrganisationMembershipSchema,
  role: RoleSchema,
  organisations: z.array(OrganisationMembershipSchema),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const SwitchOrganisationRequestSchema = z.object({ orgId: z.uuid() });
export type SwitchOrganisationRequest = z.infer<typeof SwitchOrganisationRequestSchema>;

export const OkResponseSchema = z.object({ ok: z.literal(true) });

export const CreateApiTokenRequestSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(100),
  /** The role the integration acts with; at most the role of the user who creates it. */
  role: RoleSchema.default('viewer'),
});
export type CreateApiTokenRequest = z.input<typeof CreateApiTokenRequestSchema>;

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** The secret is returned once, at creation; only its SHA-256 is stored. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

export const ApiTokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export type ApiTokenList = z.infer<typeof ApiTokenListSchema>;

export const TokenParamsSchema = z.object({ id: z.uuid() });
