/**
 * The shapes the web app reads from the API, inferred from the server's zod schemas. Only types
 * cross over (`import type`), so neither zod nor server code ends up in the browser bundle.
 * Money is a decimal string ("1234.50"), calendar dates "YYYY-MM-DD", instants ISO strings.
 */
import type { MeResponse } from '../../src/modules/auth/auth.schemas.ts';
import type { DebtorListItem } from '../../src/modules/ledger/ledger.schemas.ts';

export type { MeResponse as Me, OrganisationMembership } from '../../src/modules/auth/auth.schemas.ts';
export type {
  BankFileList,
  BankFileReport,
  BankFileSummary,
  BankUploadReport,
  InvoiceSearchResult,
  MatchActionResult,
  MatchInvoice,
  MatchingView,
  MatchSuggestion,
  PaymentToMatch,
  PaymentToMatchList,
} from '../../src/modules/banking/banking.schemas.ts';
export type {
  Allocation,
  CollectorList,
  Contact,
  DebtorDossier,
  DebtorListItem,
  DebtorListResponse,
  Dispute,
  ImportError,
  ImportReport,
  ImportRun,
  ImportRunList,
  InvoiceDetail,
  InvoiceListItem,
  Payment,
  SegmentList,
  TimelineEvent,
  TimelinePage,
} from '../../src/modules/ledger/ledger.schemas.ts';

export type AgingBucket = DebtorListItem['agingBucket'];
export type Role = MeResponse['role'];
export type Language = MeResponse['user']['language'];
export type InvoiceStatus = import('../../src/modules/ledger/ledger.schemas.ts').InvoiceListItem['status'];

// Runtime lists repeated here so the bundle needs nothing from the server; the type annotations
// make the compiler fail when the server's lists change.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
const agingBucketsMatch: Exactly<(typeof AGING_BUCKETS)[number], AgingBucket> = true;

export const DEBTOR_SORTS = ['overdue', 'name', 'oldest'] as const;
export type DebtorSort = (typeof DEBTOR_SORTS)[number];
const sortsMatch: Exactly<
  DebtorSort,
  NonNullable<import('../../src/modules/ledger/ledger.schemas.ts').DebtorListQuery['sort']>
> = true;

void agingBucketsMatch;
void sortsMatch;
