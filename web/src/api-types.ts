/**
 * The shapes the web app reads from the API. Provisional: written from the planned routes until
 * src/modules/{auth,ledger}/*.schemas.ts land, then replaced by the types inferred there.
 * Money is a decimal string ("1234.50"), calendar dates are "YYYY-MM-DD", instants ISO strings.
 */
export type Amount = string;
export type AgingBucket = 'current' | '1-30' | '31-60' | '61-90' | '90+';
export const AGING_BUCKETS: readonly AgingBucket[] = ['current', '1-30', '31-60', '61-90', '90+'];
export type Role = 'admin' | 'senior_collector' | 'collector' | 'viewer';

export type OrganisationRef = { id: string; name: string; slug: string; country: 'NL' | 'BE'; role: Role };

export type Me = {
  user: { id: string; name: string; email: string; language: 'nl' | 'fr' | 'en' };
  organisation: { id: string; name: string; slug: string; country: 'NL' | 'BE' };
  role: Role;
  organisations: OrganisationRef[];
  csrfToken: string;
};

export const DEBTOR_SORTS = ['overdue', 'name', 'oldest'] as const;
export type DebtorSort = (typeof DEBTOR_SORTS)[number];

export type DebtorListItem = {
  id: string;
  number: string;
  name: string;
  kind: 'business' | 'consumer';
  country: 'NL' | 'BE';
  city: string | null;
  segment: string | null;
  collector: { id: string; name: string } | null;
  openAmount: Amount;
  overdueAmount: Amount;
  oldestOverdueDueDate: string | null;
  daysOverdue: number | null;
  agingBucket: AgingBucket | null;
  openInvoiceCount: number;
};

export type DebtorPage = { items: DebtorListItem[]; total: number; page: number; pageSize: number };

export type Collector = { id: string; name: string };

export type Contact = {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  phoneExtension: string | null;
  mobile: string | null;
  preferredCallDays: number[];
  preferredCallFrom: string | null;
  preferredCallUntil: string | null;
  isCollectionsContact: boolean;
  gatekeeperNotes: string | null;
};

export type InvoiceStatus = 'open' | 'partially_paid' | 'paid' | 'disputed' | 'written_off' | 'handed_over';

export type OpenItem = {
  id: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  totalAmount: Amount;
  openAmount: Amount;
  status: InvoiceStatus;
  daysLate: number;
  agingBucket: AgingBucket;
  paymentReference: string | null;
  hasOpenDispute: boolean;
};

export type Dispute = {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  reason: string;
  description: string | null;
  status: 'open' | 'resolved' | 'rejected';
  openedAt: string;
  resolvedAt: string | null;
};

export type Payment = {
  id: string;
  date: string;
  amount: Amount;
  currency: string;
  reference: string | null;
  method: string;
  status: 'unmatched' | 'partially_allocated' | 'allocated';
};

export type TimelineEvent = {
  id: string | number;
  kind: string;
  actor: string;
  summary: string;
  occurredAt: string;
  invoiceId: string | null;
};

export type TimelinePage = { items: TimelineEvent[]; nextBefore: string | null };

export type AgingTotals = Record<AgingBucket, Amount>;

export type Dossier = {
  debtor: {
    id: string;
    number: string;
    name: string;
    kind: 'business' | 'consumer';
    country: 'NL' | 'BE';
    language: 'nl' | 'fr' | 'en';
    companyNumber: string | null;
    vatNumber: string | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    email: string | null;
    phone: string | null;
    segment: string | null;
    tags: string[];
    collector: { id: string; name: string } | null;
    creditLimit: Amount | null;
    paymentTermDays: number | null;
    notes: string | null;
  };
  balance: Amount;
  overdue: Amount;
  aging: AgingTotals;
  contacts: Contact[];
  openItems: OpenItem[];
  disputes: Dispute[];
  payments: Payment[];
};

export type InvoiceDetail = {
  id: string;
  kind: 'invoice' | 'credit_note';
  number: string;
  debtor: { id: string; name: string; number: string };
  issueDate: string;
  sentDate: string | null;
  dueDate: string;
  paymentTermDays: number | null;
  currency: string;
  totalAmount: Amount;
  vatAmount: Amount;
  openAmount: Amount;
  status: InvoiceStatus;
  daysLate: number;
  agingBucket: AgingBucket;
  paymentReference: string | null;
  orderDescription: string | null;
  deliveryNotes: string | null;
  salesAgreementNotes: string | null;
  creditedInvoiceNumber: string | null;
  source: string;
  allocations: { id: string; paymentId: string; date: string; amount: Amount; reference: string | null }[];
  disputes: Dispute[];
  timeline: TimelineEvent[];
};

export type ImportError = { file: string; row: number | null; field: string | null; message: string };

export type ImportReport = {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: ImportError[];
};

export type ImportRun = {
  id: string;
  kind: string;
  fileName: string;
  user: string | null;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  startedAt: string;
  finishedAt: string | null;
};
