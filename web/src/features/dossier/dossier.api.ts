import type { DebtorDossier, TimelineEvent, TimelinePage } from '../../api-types.ts';
import { api, withQuery } from '../../lib/api.ts';

export const fetchDossier = (debtorId: string, signal?: AbortSignal) =>
  api.get<DebtorDossier>(`/api/debtors/${encodeURIComponent(debtorId)}`, signal);

export const fetchTimeline = (debtorId: string, before: string | null, signal?: AbortSignal) =>
  api.get<TimelinePage>(
    withQuery(`/api/debtors/${encodeURIComponent(debtorId)}/timeline`, { before }),
    signal,
  );

export const addNote = (debtorId: string, text: string) =>
  api.post<TimelineEvent>(`/api/debtors/${encodeURIComponent(debtorId)}/notes`, { text });
