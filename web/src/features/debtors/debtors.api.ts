import type {
  AgingBucket,
  CollectorList,
  DebtorListResponse,
  DebtorSort,
  SegmentList,
} from '../../api-types.ts';
import { api, withQuery } from '../../lib/api.ts';

export type DebtorQuery = {
  search: string;
  segment: string;
  /** A collector's user id, "none" for unassigned debtors, or "" for all. */
  collector: string;
  aging: AgingBucket | '';
  sort: DebtorSort;
  page: number;
  pageSize: number;
};

export const fetchDebtors = (query: DebtorQuery, signal?: AbortSignal) =>
  api.get<DebtorListResponse>(withQuery('/api/debtors', query), signal);

export const fetchSegments = async (signal?: AbortSignal) =>
  (await api.get<SegmentList>('/api/segments', signal)).segments;

export const fetchCollectors = async (signal?: AbortSignal) =>
  (await api.get<CollectorList>('/api/collectors', signal)).collectors;
