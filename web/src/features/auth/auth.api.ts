import type { Me } from '../../api-types.ts';
import { api } from '../../lib/api.ts';

export const fetchMe = (signal?: AbortSignal) => api.get<Me>('/api/auth/me', signal);
/** Signs in and answers like /me, so the app needs no second request. */
export const login = (email: string, password: string) =>
  api.post<Me>('/api/auth/login', { email, password });
export const logout = () => api.post<unknown>('/api/auth/logout');
export const switchOrganisation = (orgId: string) => api.post<unknown>('/api/auth/organisation', { orgId });
