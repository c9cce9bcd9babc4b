/**
 * Check digits for the identifiers the demo portfolio makes up, so that generated IBANs, VAT and
 * company numbers and payment references pass the same validation real ones do.
 */

/** The remainder of a long decimal string modulo 97 (ISO 7064 MOD 97-10), without big integers. */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) {
    remainder = Number(`${remainder}${digits.slice(i, i + 7)}`) % 97;
  }
  return remainder;
}

/** Letters become 10…35 as ISO 13616 and ISO 11649 prescribe. */
function lettersToDigits(text: string): string {
  let out = '';
  for (const char of text.toUpperCase()) {
    const code = char.charCodeAt(0);
    out += code >= 65 && code <= 90 ? String(code - 55) : char;
  }
  return out;
}

/** Builds an IBAN from a country code and BBAN, computing the two check digits. */
export function composeIban(country: string, bban: string): string {
  const check = 98 - mod97(lettersToDigits(`${bban}${country}00`));
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
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(firstEight[i]) * (9 - i);
  const check = sum % 11;
  return check === 10 ? undefined : `NL${firstEight}${check}B01`;
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
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(nine[i]) * (9 - i);
  if (sum % 11 === Number(nine[8]) && nine !== '000000000') return true;
  return mod97(lettersToDigits(compact)) === 1;
}

/** A Belgian structured communication (OGM/VCS): ten digits + (digits mod 97, 0 → 97). */
export function belgianStructuredReference(tenDigits: string): string {
  const check = Number(tenDigits) % 97 || 97;
  const digits = `${tenDigits}${String(check).padStart(2, '0')}`;
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

export function isValidBelgianStructuredReference(text: string): boolean {
  const digits = text.replace(/[+/\s*]/g, '');
  if (!/^\d{12}$/.test(digits)) return false;
  return (Number(digits.slice(0, 10)) % 97 || 97) === Number(digits.slice(10));
}

/** An ISO 11649 creditor reference: `RF` + two check digits + the reference. */
export function creditorReference(reference: string): string {
  const check = 98 - mod97(lettersToDigits(`${reference}RF00`));
  return `RF${String(check).padStart(2, '0')}${reference}`;
}

export function isValidCreditorReference(text: string): boolean {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(compact)) return false;
  return mod97(lettersToDigits(`${compact.slice(4)}${compact.slice(0, 4)}`)) === 1;
}
