/**
 * Check digits for the identifiers the demo portfolio makes up, so that generated IBANs, VAT and
 * company numbers pass the same validation real ones do. Payment references (OGM, RF) and the
 * MOD 97-10 arithmetic come from core/references.
 */
import { lettersToDigits, mod97 } from '../../core/references/check-digits.js';

/** Builds an IBAN from a country code and BBAN, computing the two check digits. */
export function composeIban(country: string, bban: string): string {
  const check = 98 - mod97(lettersToDigits(`${bban}${country}00`.toUpperCase()));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

export function isValidIbanChecksum(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  return mod97(lettersToDigits(`${compact.slice(4)}${compact.slice(0, 4)}`)) === 1;
}

/**
 * Dutch ten-digit account numbers of the former banks pass the "elfproef": the digits weighted
 * 10…1 sum to a multiple of 11.
 */
export function passesElfproef(account: string): boolean {
  let sum = 0;
  for (let i = 0; i < account.length; i++) sum += Number(account[i]) * (account.length - i);
  return sum % 11 === 0;
}

/** A Belgian BBAN: bank code (3) + account (7) + national check (2) = first ten digits mod 97. */
export function belgianBban(bankCode: string, account7: string): string {
  const first = `${bankCode}${account7}`;
  const check = mod97(first) || 97;
  return `${first}${String(check).padStart(2, '0')}`;
}

/**
 * A Belgian enterprise (KBO/BCE) number: ten digits, the last two are 97 minus the first eight
 * modulo 97. Formatted `0123.456.749`; the VAT number is `BE` plus the ten digits.
 */
export function belgianEnterpriseNumber(firstEight: string): string {
  const check = 97 - (Number(firstEight) % 97);
  const digits = `${firstEight}${String(check).padStart(2, '0')}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

export function isValidBelgianEnterpriseNumber(text: string): boolean {
  const digits = text.replace(/^BE/i, '').replace(/[.\s]/g, '');
  if (!/^[01]\d{9}$/.test(digits)) return false;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

/**
 * The nine digits of a Dutch VAT number of a legal entity (from its RSIN) pass the eleven test:
 * the first eight weighted 9…2, modulo 11, give the ninth. Returns undefined when the remainder is
 * 10, for which no valid number exists.
 */
export function dutchVatNumber(firstEight: string): string | undefined {
  const check = elevenTestCheck(firstEight);
  return check === 10 ? undefined : `NL${firstEight}${check}B01`;
}

/** The first eight digits weighted 9…2, modulo 11: the ninth digit of an RSIN-based VAT number. */
function elevenTestCheck(firstEight: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (9 - i);
  return sum % 11;
}

/**
 * Valid when the nine digits pass the eleven test, or the whole number passes MOD 97-10 (the
 * scheme the Dutch tax office uses since 2020 for sole proprietors' VAT identification numbers).
 */
export function isValidDutchVatNumber(text: string): boolean {
  const compact = text.replace(/[\s.]/g, '').toUpperCase();
  const match = compact.match(/^NL(\d{9})B(\d{2})$/);
  if (!match) return false;
  const nine = match[1] ?? '';
  if (elevenTestCheck(nine) === Number(nine[8]) && nine !== '000000000') return true;
  return mod97(lettersToDigits(compact)) === 1;
}
