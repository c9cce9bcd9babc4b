/**
 * The parts of a camt.052/053/054 message the parser keeps, as paths of local element names below
 * the element they belong to (`@` marks an attribute). Everything else in the file is skipped
 * without being stored, which keeps memory to one entry however large the file is. Paths cover
 * the shapes of versions .001.02 to .001.10 side by side (`Dbtr/Nm` up to v07, `Dbtr/Pty/Nm` from
 * v08; `BIC` up to v02, `BICFI` from v03; `Sts` as text up to v07, `Sts/Cd` from v08).
 */

/** Collected values of one element (statement, balance, entry, transaction), in file order. */
export type Fields = ReadonlyMap<string, readonly string[]>;

/** The first value found, trying the paths in the order given. */
export function firstValue(fields: Fields, ...paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const value = fields.get(path)?.[0];
    if (value !== undefined) return value;
  }
  return undefined;
}

export function allValues(fields: Fields, path: string): readonly string[] {
  return fields.get(path) ?? [];
}

/** The message element under Document decides the format and the name of its statements. */
export const MESSAGES = {
  BkToCstmrStmt: { format: 'camt053', statement: 'Stmt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt054', statement: 'Ntfctn' },
  BkToCstmrAcctRpt: { format: 'camt052', statement: 'Rpt' },
} as const;

type MessageName = keyof typeof MESSAGES;

export function isMessageName(name: string): name is MessageName {
  return Object.hasOwn(MESSAGES, name);
}

export const MESSAGE_PATHS = new Set(['GrpHdr/CreDtTm']);

export const STATEMENT_PATHS = new Set(['Id', 'CreDtTm', 'Acct/Id/IBAN', 'Acct/Id/Othr/Id', 'Acct/Ccy']);

export const BALANCE_PATHS = new Set(['Tp/CdOrPrtry/Cd', 'Amt', 'Amt@Ccy', 'CdtDbtInd', 'Dt/Dt', 'Dt/DtTm']);

const BANK_TRANSACTION_CODE_PATHS = [
  'BkTxCd/Domn/Cd',
  'BkTxCd/Domn/Fmly/Cd',
  'BkTxCd/Domn/Fmly/SubFmlyCd',
  'BkTxCd/Prtry/Cd',
];

export const ENTRY_PATHS = new Set([
  'Amt',
  'Amt@Ccy',
  'CdtDbtInd',
  'RvslInd',
  'Sts',
  'Sts/Cd',
  'BookgDt/Dt',
  'BookgDt/DtTm',
  'ValDt/Dt',
  'ValDt/DtTm',
  'AcctSvcrRef',
  'AddtlNtryInf',
  ...BANK_TRANSACTION_CODE_PATHS,
]);

/** Where a transaction names its debtor or creditor, best source first. */
function partyPaths(side: 'Dbtr' | 'Cdtr') {
  return {
    names: [
      `RltdPties/${side}/Nm`,
      `RltdPties/${side}/Pty/Nm`,
      `RltdPties/${side}/Agt/FinInstnId/Nm`,
      `RltdPties/Ultmt${side}/Nm`,
      `RltdPties/Ultmt${side}/Pty/Nm`,
    ],
    iban: `RltdPties/${side}Acct/Id/IBAN`,
    accountNumber: `RltdPties/${side}Acct/Id/Othr/Id`,
    bics: [
      `RltdAgts/${side}Agt/FinInstnId/BIC`,
      `RltdAgts/${side}Agt/FinInstnId/BICFI`,
      `RltdPties/${side}/Agt/FinInstnId/BICFI`,
    ],
  };
}

export const DEBTOR_PATHS = partyPaths('Dbtr');
export const CREDITOR_PATHS = partyPaths('Cdtr');
export type PartyPaths = typeof DEBTOR_PATHS;

/** A SEPA creditor identifier is the creditor's private Othr/Id (up to v07, and v08 as Pty). */
export const CREDITOR_SCHEME_ID_PATHS = [
  'RltdPties/Cdtr/Id/PrvtId/Othr/Id',
  'RltdPties/Cdtr/Pty/Id/PrvtId/Othr/Id',
] as const;

/** Transaction amounts, best first: the booked amount, then the instructed one. */
export const TRANSACTION_AMOUNT_PATHS = ['Amt', 'AmtDtls/TxAmt/Amt', 'AmtDtls/InstdAmt/Amt'] as const;

export const TRANSACTION_PATHS = new Set([
  ...TRANSACTION_AMOUNT_PATHS.flatMap((path) => [path, `${path}@Ccy`]),
  'CdtDbtInd',
  'Refs/EndToEndId',
  'Refs/AcctSvcrRef',
  ...BANK_TRANSACTION_CODE_PATHS,
  ...[DEBTOR_PATHS, CREDITOR_PATHS].flatMap((paths) => [
    ...paths.names,
    paths.iban,
    paths.accountNumber,
    ...paths.bics,
  ]),
  'Refs/MndtId',
  ...CREDITOR_SCHEME_ID_PATHS,
  'RmtInf/Ustrd',
  'RmtInf/Strd/CdtrRefInf/Ref',
  'RmtInf/Strd/AddtlRmtInf',
  'RtrInf/Rsn/Cd',
  'RtrInf/Rsn/Prtry',
  'RtrInf/AddtlInf',
  'AddtlTxInf',
]);
