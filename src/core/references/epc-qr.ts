/**
 * The payload of an EPC QR code (EPC069-12 "SCT QR", GiroCode, betaal-QR) for a SEPA credit
 * transfer, per LEGAL.md §6: version 002, character set 1 (UTF-8), lines separated by LF, trailing
 * empty optional lines left out. Only the text; turning it into an image (error correction level M,
 * at most version 13) happens where images are made.
 */
import { electronicFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';
import type { FieldIssue } from '../errors.js';
import { formatCents } from '../money.js';
import { validateStructuredReference } from './structured-reference.js';

export type EpcQrInput = {
  beneficiaryName: string;
  iban: string;
  /** Optional in version 002 inside the EEA; 8 or 11 characters when given. */
  bic?: string;
  /** 1 cent … €999,999,999.99; leave out to let the payer fill in the amount. */
  amountCents?: number;
  /** ISO 20022 purpose code (AT-44), four letters, e.g. `CHAR`. */
  purposeCode?: string;
  /** An RF creditor reference, OGM or betalingskenmerk; checked and written in compact form. */
  structuredReference?: string;
  /** Free text for the payer's statement; not together with a structured reference. */
  remittanceText?: string;
  /** A note shown to the payer, not transmitted with the payment. */
  beneficiaryToOriginatorInfo?: string;
};

export type EpcQrResult = { ok: true; payload: string } | { ok: false; issues: FieldIssue[] };

export const EPC_QR_MAX_PAYLOAD_BYTES = 331;
const MAX_AMOUNT_CENTS = 99_999_999_999;

/** Length in characters as people count them (code points), not UTF-16 units. */
function characterCount(text: string): number {
  return [...text].length;
}

function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

// A line break or other control character in a field would shift every following line.
const CONTROL_CHARACTERS = /\p{Cc}/u;

function checkText(
  issues: FieldIssue[],
  field: keyof EpcQrInput,
  value: string | undefined,
  limits: { max: number; required?: boolean },
): string {
  const text = value?.trim() ?? '';
  if (text === '') {
    if (limits.required) issues.push({ field, message: 'is required' });
  } else if (CONTROL_CHARACTERS.test(text)) {
    issues.push({ field, message: 'must not contain line breaks or other control characters' });
  } else if (characterCount(text) > limits.max) {
    issues.push({ field, message: `has at most ${limits.max} characters` });
  }
  return text;
}

/**
 * Builds the EPC QR payload, or lists every input problem (field + message) at once: name 1–70
 * characters, a valid IBAN of a SEPA country, a valid BIC if given, an amount of 0.01–999999999.99
 * written `EUR12.34` (always two decimals), a four-letter purpose code, a valid structured
 * reference (≤ 35) or remittance text (≤ 140) but never both, info ≤ 70, and the whole payload at
 * most 331 bytes of UTF-8.
 */
export function buildEpcQrPayload(input: EpcQrInput): EpcQrResult {
  const issues: FieldIssue[] = [];
  const name = checkText(issues, 'beneficiaryName', input.beneficiaryName, { max: 70, required: true });

  const iban = electronicFormatIBAN(input.iban) ?? '';
  if (!isValidIBAN(iban)) {
    issues.push({ field: 'iban', message: 'is not a valid IBAN' });
  } else if (!isSEPACountry(iban.slice(0, 2))) {
    issues.push({ field: 'iban', message: 'is not in a SEPA country' });
  }

  const bic = input.bic?.replace(/\s/g, '').toUpperCase() ?? '';
  if (bic !== '' && !isValidBIC(bic)) {
    issues.push({ field: 'bic', message: 'is not a valid BIC (8 or 11 characters)' });
  }

  let amount = '';
  if (input.amountCents !== undefined) {
    const cents = input.amountCents;
    if (!Number.isSafeInteger(cents) || cents < 1 || cents > MAX_AMOUNT_CENTS) {
      issues.push({ field: 'amountCents', message: 'must be a whole number of cents from 1 to 99999999999' });
    } else {
      amount = `EUR${formatCents(cents)}`;
    }
  }

  const purpose = input.purposeCode?.trim().toUpperCase() ?? '';
  if (purpose !== '' && !/^[A-Z]{4}$/.test(purpose)) {
    issues.push({ field: 'purposeCode', message: 'is four letters (ISO 20022 purpose code)' });
  }

  let reference = '';
  if (input.structuredReference !== undefined && input.structuredReference.trim() !== '') {
    const result = validateStructuredReference(input.structuredReference);
    if (result.ok) {
      reference = result.normalized;
    } else {
      issues.push({
        field: 'structuredReference',
        message: 'is not a valid RF reference, OGM or betalingskenmerk',
      });
    }
  }
  const remittanceText = checkText(issues, 'remittanceText', input.remittanceText, { max: 140 });
  if (reference !== '' && remittanceText !== '') {
    issues.push({ field: 'remittanceText', message: 'cannot be combined with a structured reference' });
  }
  const info = checkText(issues, 'beneficiaryToOriginatorInfo', input.beneficiaryToOriginatorInfo, {
    max: 70,
  });

  if (issues.length > 0) return { ok: false, issues };

  const lines = ['BCD', '002', '1', 'SCT', bic, name, iban, amount, purpose, reference, remittanceText, info];
  while (lines.length > 7 && lines[lines.length - 1] === '') lines.pop();
  const payload = lines.join('\n');
  if (utf8ByteLength(payload) > EPC_QR_MAX_PAYLOAD_BYTES) {
    return {
      ok: false,
      issues: [
        { field: 'payload', message: `is more than ${EPC_QR_MAX_PAYLOAD_BYTES} bytes; shorten the texts` },
      ],
    };
  }
  return { ok: true, payload };
}
