import { formatCents, parseAmount } from '../core/money.js';

/** A small camt.053.001.02 statement for HTTP and browser tests: credits with a reference or a text. */
export type Camt053Credit = {
  /** "121.00" */
  amount: string;
  name: string;
  iban: string;
  /** A structured creditor reference (RF, betalingskenmerk, OGM). */
  reference?: string;
  remittance?: string;
};

export function camt053Statement(params: {
  account: string;
  date: string;
  openingCents: number;
  credits: readonly Camt053Credit[];
}): string {
  const centsOf = (text: string) => {
    const parsed = parseAmount(text, { decimalSeparator: '.' });
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.cents;
  };
  const totalCents = params.credits.reduce((sum, c) => sum + centsOf(c.amount), 0);
  const money = formatCents;
  const balance = (code: string, cents: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${money(cents)}</Amt>` +
    `<CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${params.date}</Dt></Dt></Bal>`;
  const remittance = (c: Camt053Credit) =>
    c.reference
      ? `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${c.reference}</Ref></CdtrRefInf></Strd></RmtInf>`
      : `<RmtInf><Ustrd>${c.remittance ?? ''}</Ustrd></RmtInf>`;
  const entries = params.credits.map(
    (c, n) => `<Ntry><Amt Ccy="EUR">${c.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
  <BookgDt><Dt>${params.date}</Dt></BookgDt><ValDt><Dt>${params.date}</Dt></ValDt><AcctSvcrRef>TEST-${n + 1}</AcctSvcrRef>
  <NtryDtls><TxDtls><Refs><EndToEndId>E2E-${n + 1}</EndToEndId></Refs>
  <RltdPties><Dbtr><Nm>${c.name}</Nm></Dbtr><DbtrAcct><Id><IBAN>${c.iban}</IBAN></Id></DbtrAcct></RltdPties>
  ${remittance(c)}</TxDtls></NtryDtls></Ntry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<BkToCstmrStmt><GrpHdr><MsgId>TEST-${params.date}</MsgId><CreDtTm>${params.date}T08:00:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>STMT-${params.date}</Id><Acct><Id><IBAN>${params.account}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${balance('OPBD', params.openingCents)}
${balance('CLBD', params.openingCents + totalCents)}
${entries.join('\n')}
</Stmt></BkToCstmrStmt></Document>`;
}
