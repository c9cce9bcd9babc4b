/**
 * Request and response shapes of the ledger API (debtors, contacts, invoices, payments, disputes,
 * notes, organisation, imports). Shared with the web app: this file imports only zod, ibantools
 * and the pure enums, so it bundles for the browser.
 *
 * Conventions: money is a string with two decimals ("1234.50", negative for credit notes), calendar
 * dates are "YYYY-MM-DD", instants are ISO 8601 strings, ids are UUIDs.
 */
import { isValidBIC, isValidIBAN } from 'ibantools';
import { z } from 'zod';
import { DUNNING_MODES } from '../../core/dunning/enums.js';
import {
  AGING_BUCKETS,
  COUNTRIES,
  DEBTOR_KINDS,
  DISPUTE_STATUSES,
  DOCUMENT_KINDS,
  INVOICE_STATUSES,
  LANGUAGES,
  PAYMENT_REFERENCE_KINDS,
  PAYMENT_STATUSES,
  ROLES,
} from '../../core/ledger/enums.js';
import { ImportErrorSchema } from '../imports/imports.schemas.js';

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Money in responses: "1234.50", "-12.00". */
export const MoneySchema = z.string().regex(/^-?\d+\.\d{2}$/);
/** Money in requests: a positive amount with at most two decimals and a point ("1234.5"). */
export const AmountInputSchema = z
  .string()
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, 'must be an amount like 1234.50 (point as decimal mark)');
export const CalendarDateSchema = z.iso.date();
export const InstantSchema = z.string();
export const AgingBucketSchema = z.enum(AGING_BUCKETS);
export const InvoiceStatusSchema = z.enum(INVOICE_STATUSES);

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
/** An email address, or empty/null to clear it (forms send ""). */
const optionalEmail = () =>
  z
    .union([z.literal('').transform(() => null), z.email('not a valid email address')])
    .nullable()
    .optional();
const pageSchema = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSizeSchema = z.coerce.number().int().min(1).max(200).default(50);

export const IdParamsSchema = z.object({ id: z.uuid() });
export const ContactParamsSchema = z.object({ id: z.uuid(), contactId: z.uuid() });

/** A page of a list: `total` is exact up to `totalIsCapped`'s limit, then a lower bound. */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    /** True when there are more than `total` matches; counting stops there to stay fast. */
    totalIsCapped: z.boolean(),
  });

export const PersonRefSchema = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

// ---------------------------------------------------------------------------------------------
// Debtors

export const DEBTOR_SORTS = ['overdue', 'name', 'oldest'] as const;

export const DebtorListQuerySchema = z.object({
  search: z.string().trim().max(100).optional(),
  segment: z.string().trim().max(100).optional(),
  /** A collector's user id, or "none" for debtors without one. */
  collector: z.union([z.uuid(), z.literal('none')]).optional(),
  aging: AgingBucketSchema.optional(),
  sort: z.enum(DEBTOR_SORTS).default('overdue'),
  page: pageSchema,
  pageSize: pageSizeSchema,
});
export type DebtorListQuery = z.input<typeof DebtorListQuerySchema>;

export const DebtorListItemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  name: z.string(),
  kind: z.enum(DEBTOR_KINDS),
  country: z.enum(COUNTRIES),
  language: z.enum(LANGUAGES),
  city: z.string().nullable(),
  segment: z.string().nullable(),
  tags: z.array(z.string()),
  collector: PersonRefSchema.nullable(),
  open: MoneySchema,
  overdue: MoneySchema,
  oldestOverdueDueDate: CalendarDateSchema.nullable(),
  /** Days the oldest overdue invoice is late; 0 when nothing is overdue. */
  daysLate: z.number().int(),
  agingBucket: AgingBucketSchema,
  openInvoiceCount: z.number().int(),
  pauseUntil: CalendarDateSchema.nullable(),
});
export type DebtorListItem = z.infer<typeof DebtorListItemSchema>;

export const DebtorListResponseSchema = pageOf(DebtorListItemSchema);
export type DebtorListResponse = z.infer<typeof DebtorListResponseSchema>;

export const DebtorSchema = DebtorListItemSchema.extend({
  companyNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  email: z.string().nullable(),
  /** E.164 when it could be read as a phone number, else as imported. */
  phone: z.string().nullable(),
  creditLimit: MoneySchema.nullable(),
  paymentTermDays: z.number().int().nullable(),
  notes: z.string().nullable(),
  balancesAsOf: CalendarDateSchema.nullable(),
  createdAt: InstantSchema,
});
export type Debtor = z.infer<typeof DebtorSchema>;

export const UpdateDebtorRequestSchema = z
  .object({
    segment: optionalText(100),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
    assignedCollectorId: z.uuid().nullable().optional(),
    creditLimit: AmountInputSchema.nullable().optional(),
    paymentTermDays: z.number().int().min(0).max(365).nullable().optional(),
    notes: optionalText(10_000),
    pauseUntil: CalendarDateSchema.nullable().optional(),
  })
  .strict();
export type UpdateDebtorRequest = z.infer<typeof UpdateDebtorRequestSchema>;

export const SegmentListSchema = z.object({
  segments: z.array(z.object({ segment: z.string(), debtorCount: z.number().int() })),
});
export type SegmentList = z.infer<typeof SegmentListSchema>;

export const CollectorListSchema = z.object({
  collectors: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(ROLES) })),
});
export type CollectorList = z.infer<typeof CollectorListSchema>;

// ---------------------------------------------------------------------------------------------
// Contacts

const callTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30')
  .nullable()
  .optional();

export const ContactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  /** E.164 (+31201234567): use as `tel:` link. */
  phone: z.string().nullable(),
  phoneExtension: z.string().nullable(),
  mobile: z.string().nullable(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  preferredCallDays: z.array(z.number().int().min(1).max(7)),
  preferredCallFrom: z.string().nullable(),
  preferredCallUntil: z.string().nullable(),
  isCollectionsContact: z.boolean(),
  gatekeeperNotes: z.string().nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** Phones may be written as people do ("020-1234567", "0470 12 34 56"); stored as E.164. */
export const CreateContactRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(200),
    role: optionalText(200),
    email: optionalEmail(),
    phone: optionalText(40),
    phoneExtension: optionalText(20),
    mobile: optionalText(40),
    preferredCallDays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    preferredCallFrom: callTime,
    preferredCallUntil: callTime,
    isCollectionsContact: z.boolean().optional(),
    gatekeeperNotes: optionalText(5_000),
  })
  .strict();
export type CreateContactRequest = z.input<typeof CreateContactRequestSchema>;

export const UpdateContactRequestSchema = CreateContactRequestSchema.partial().strict();
export type UpdateContactRequest = z.input<typeof UpdateContactRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Invoices

export const DebtorRefSchema = z.object({ id: z.uuid(), number: z.string(), name: z.string() });

export const InvoiceListItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  debtor: DebtorRefSchema,
  issueDate: CalendarDateSchema,
  dueDate: CalendarDateSchema,
  currency: z.string(),
  amount: MoneySchema,
  open: MoneySchema,
  status: InvoiceStatusSchema,
  reference: z.string().nullable(),
  /** Days past the due date while something is open; 0 otherwise. */
  daysLate: z.number().int(),
  agingBucket: AgingBucketSchema,
});
export type InvoiceListItem = z.infer<typeof InvoiceListItemSchema>;

export const InvoiceListQuerySchema = z.object({
  debtor: z.uuid().optional(),
  status: InvoiceStatusSchema.optional(),
  page: pageSchema,
  pageSize: pageSizeSchema,
});
export type InvoiceListQuery = z.input<typeof InvoiceListQuerySchema>;

export const InvoiceListResponseSchema = pageOf(InvoiceListItemSchema);
export type InvoiceListResponse = z.infer<typeof InvoiceListResponseSchema>;

export const AllocationSchema = z.object({
  id: z.uuid(),
  paymentId: z.uuid(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string(),
  paymentDate: CalendarDateSchema,
  paymentReference: z.string().nullable(),
  amount: MoneySchema,
  createdAt: InstantSchema,
});
export type Allocation = z.infer<typeof AllocationSchema>;

export const DisputeSchema = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  invoiceNumber: z.string(),
  debtorId: z.uuid(),
  reason: z.string(),
  description: z.string().nullable(),
  status: z.enum(DISPUTE_STATUSES),
  resolution: z.string().nullable(),
  openedBy: PersonRefSchema.nullable(),
  openedAt: InstantSchema,
  resolvedAt: InstantSchema.nullable(),
});
export type Dispute = z.infer<typeof DisputeSchema>;

export const TimelineEventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  invoiceId: z.uuid().nullable(),
  actor: z.string(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()).nullable(),
  occurredAt: InstantSchema,
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

export const TimelinePageSchema = z.object({
  events: z.array(TimelineEventSchema),
  /** Pass as `?before=` to fetch the next (older) page; null at the start of the history. */
  nextBefore: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof TimelinePageSchema>;

export const TimelineQuerySchema = z.object({
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const InvoiceDetailSchema = InvoiceListItemSchema.extend({
  sentDate: CalendarDateSchema.nullable(),
  paymentTermDays: z.number().int().nullable(),
  vat: MoneySchema,
  orderDescription: z.string().nullable(),
  deliveryNotes: z.string().nullable(),
  salesAgreementNotes: z.string().nullable(),
  creditedInvoiceNumber: z.string().nullable(),
  source: z.string(),
  allocations: z.array(AllocationSchema),
  disputes: z.array(DisputeSchema),
  timeline: z.array(TimelineEventSchema),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetailSchema>;

// ---------------------------------------------------------------------------------------------
// Payments

export const PaymentAllocationSchema = z.object({
  invoiceId: z.uuid(),
  invoiceNumber: z.string(),
  amount: MoneySchema,
});

export const PaymentSchema = z.object({
  id: z.uuid(),
  debtorId: z.uuid().nullable(),
  date: CalendarDateSchema,
  amount: MoneySchema,
  /** Part of the amount not allocated to any invoice. */
  unallocated: MoneySchema,
  currency: z.string(),
  reference: z.string().nullable(),
  method: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  allocations: z.array(PaymentAllocationSchema),
  createdAt: InstantSchema,
});
export type Payment = z.infer<typeof PaymentSchema>;

/** Send with an `Idempotency-Key` header (e.g. a UUID per form): a repeat returns the same payment. */
export const CreatePaymentRequestSchema = z
  .object({
    debtorId: z.uuid(),
    date: CalendarDateSchema,
    amount: AmountInputSchema,
    reference: optionalText(140),
    /** ISO 4217; by default the currency of the invoices it pays, else EUR. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR')
      .optional(),
    allocations: z
      .array(z.object({ invoiceId: z.uuid(), amount: AmountInputSchema }).strict())
      .max(500)
      .default([]),
  })
  .strict();
export type CreatePaymentRequest = z.input<typeof CreatePaymentRequestSchema>;

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z.string().trim().min(8, 'at least 8 characters').max(200),
});
/** The same header, for requests that may come without one. */
export const OptionalIdempotencyHeadersSchema = z.object({
  'idempotency-key': IdempotencyHeadersSchema.shape['idempotency-key'].optional(),
});

// ---------------------------------------------------------------------------------------------
// Debtor dossier

export const AgingTotalSchema = z.object({
  bucket: AgingBucketSchema,
  amount: MoneySchema,
  count: z.number().int(),
});

export const DebtorDossierSchema = z.object({
  debtor: DebtorSchema,
  contacts: z.array(ContactSchema),
  openItems: z.array(InvoiceListItemSchema),
  /** One entry per bucket, in AGING_BUCKETS order; credit notes count in "current". */
  agingTotals: z.array(AgingTotalSchema),
  disputes: z.array(DisputeSchema),
  recentPayments: z.array(PaymentSchema),
  timeline: TimelinePageSchema,
});
export type DebtorDossier = z.infer<typeof DebtorDossierSchema>;

// ---------------------------------------------------------------------------------------------
// Disputes and notes

export const CreateDisputeRequestSchema = z
  .object({
    reason: z.string().trim().min(1, 'reason is required').max(200),
    description: optionalText(10_000),
  })
  .strict();
export type CreateDisputeRequest = z.infer<typeof CreateDisputeRequestSchema>;

export const ResolveDisputeRequestSchema = z
  .object({
    resolution: z.string().trim().min(1, 'resolution is required').max(10_000),
    outcome: z.enum(['resolved', 'rejected']),
  })
  .strict();
export type ResolveDisputeRequest = z.infer<typeof ResolveDisputeRequestSchema>;

export const CreateNoteRequestSchema = z
  .object({ text: z.string().trim().min(1, 'text is required').max(10_000) })
  .strict();
export type CreateNoteRequest = z.infer<typeof CreateNoteRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Organisation

export const OrganisationSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  country: z.enum(COUNTRIES),
  defaultLanguage: z.enum(LANGUAGES),
  creditorName: z.string(),
  addressLine: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  senderEmail: z.string().nullable(),
  companyNumber: z.string().nullable(),
  vatNumber: z.string().nullable(),
  paymentReferenceKind: z.enum(PAYMENT_REFERENCE_KINDS),
  timeZone: z.string(),
  /** review: each day's dunning run waits for approval; automatic: it goes out by itself. */
  dunningMode: z.enum(DUNNING_MODES),
  /** Local time (HH:MM) of the daily dunning run. */
  dunningRunTime: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** Spaces and lower case are accepted and removed ("nl91 abna 0417 1643 00" → "NL91ABNA0417164300"). */
const ibanInput = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => isValidIBAN(v), 'not a valid IBAN');
const bicInput = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => isValidBIC(v), 'not a valid BIC');

export const UpdateOrganisationRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    creditorName: z.string().trim().min(1).max(200).optional(),
    addressLine: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(100),
    iban: ibanInput.nullable().optional(),
    bic: bicInput.nullable().optional(),
    senderEmail: optionalEmail(),
    companyNumber: optionalText(30),
    vatNumber: optionalText(30),
    defaultLanguage: z.enum(LANGUAGES).optional(),
    paymentReferenceKind: z.enum(PAYMENT_REFERENCE_KINDS).optional(),
    dunningMode: z.enum(DUNNING_MODES).optional(),
    dunningRunTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 07:00')
      .optional(),
  })
  .strict();
export type UpdateOrganisationRequest = z.input<typeof UpdateOrganisationRequestSchema>;
/** The request after validation: IBAN and BIC without spaces, in capitals. */
export type UpdateOrganisationChanges = z.output<typeof UpdateOrganisationRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Imports

// The report of an import is defined once, by the import module (also the CLI's --json output).
export {
  type ImportError,
  ImportErrorSchema,
  type ImportReport,
  ImportReportSchema,
} from '../imports/imports.schemas.js';

export const ImportRunSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  user: PersonRefSchema.nullable(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** The first errors of the run (at most 100); the counts above are complete. */
  errors: z.array(ImportErrorSchema),
  startedAt: InstantSchema,
  finishedAt: InstantSchema.nullable(),
});
export type ImportRun = z.infer<typeof ImportRunSchema>;

export const ImportRunListSchema = z.object({ runs: z.array(ImportRunSchema) });
export type ImportRunList = z.infer<typeof ImportRunListSchema>;

// ---------------------------------------------------------------------------------------------
// Errors (every non-2xx response of the API)

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
