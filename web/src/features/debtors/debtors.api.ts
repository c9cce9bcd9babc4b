import type { AgingBucket, Collector, DebtorPage, DebtorSort } from '../../api-types.ts';
import { api, withQuery } from '../../lib/api.ts';

export type DebtorQuery = {
  search: string;
  segment: string;
  collector: string;
  aging: AgingBucket | '';
  sort: DebtorSort;
  page: number;
  pageSize: number;
};

export const fetchDebtors = (query: DebtorQuery, signal?: AbortSignal) =>
  api.get<DebtorPage>(withQuery('/api/debtors', query), signal);

/** Lists may come bare or wrapped in `{ items }`; the screens want the array. */
const items = <T>(data: T[] | { items: T[] }): T[] => (Array.isArray(data) ? data : data.items);

export const fetchSegments = async (signal?: AbortSignal): Promise<string[]> =>
  items(await api.get<string[] | { items: string[] }>('/api/segments', signal));

export const fetchCollectors = async (signal?: AbortSignal): Promise<Collector[]> =>
  items(await api.get<Collector[] | { items: Collector[] }>('/api/collectors', signal));
