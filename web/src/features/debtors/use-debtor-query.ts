import { AGING_BUCKETS, type AgingBucket, DEBTOR_SORTS, type DebtorSort } from '../../api-types.ts';
import { navigate, useLocation } from '../../lib/router.tsx';
import type { DebtorQuery } from './debtors.api.ts';

export const PAGE_SIZE = 50;

const isBucket = (v: string | null): v is AgingBucket => AGING_BUCKETS.includes(v as AgingBucket);
const isSort = (v: string | null): v is DebtorSort => DEBTOR_SORTS.includes(v as DebtorSort);

/**
 * The list's filters live in the URL, so a filtered list can be bookmarked, shared with a
 * colleague, and comes back unchanged with the browser's back button after opening a dossier.
 */
export function useDebtorQuery(): [
  DebtorQuery,
  (changes: Partial<DebtorQuery>, options?: { replace?: boolean }) => void,
] {
  const { search } = useLocation();
  const aging = search.get('aging');
  const sort = search.get('sort');
  const page = Number.parseInt(search.get('page') ?? '1', 10);
  const query: DebtorQuery = {
    search: search.get('search') ?? '',
    segment: search.get('segment') ?? '',
    collector: search.get('collector') ?? '',
    aging: isBucket(aging) ? aging : '',
    sort: isSort(sort) ? sort : 'overdue',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };

  const update = (changes: Partial<DebtorQuery>, options: { replace?: boolean } = {}) => {
    const next = { ...query, ...changes };
    // Any change of filter or order starts again at the first page.
    if (!('page' in changes)) next.page = 1;
    const params = new URLSearchParams();
    if (next.search) params.set('search', next.search);
    if (next.segment) params.set('segment', next.segment);
    if (next.collector) params.set('collector', next.collector);
    if (next.aging) params.set('aging', next.aging);
    if (next.sort !== 'overdue') params.set('sort', next.sort);
    if (next.page > 1) params.set('page', String(next.page));
    const text = params.toString();
    // Typing in the search box replaces the entry; a filter or page change is a step back can undo.
    navigate(text ? `/debtors?${text}` : '/debtors', { replace: options.replace ?? 'search' in changes });
  };

  return [query, update];
}
