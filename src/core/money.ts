/**
 * Money is an integer number of cents. This module is the only place that turns
 * text into cents and cents into text, and the only place that rounds.
 */
declare const centsBrand: unique symbol;
export type Cents = number & { readonly [centsBrand]: 'Cents' };

export const cents = (value: number): Cents => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of cents: ${value}`);
  return value as Cents;
};

export const addCents = (...values: readonly number[]): Cents => cents(values.reduce((a, b) => a + b, 0));

export type ParseAmountResult = { ok: true; cents: Cents } | { ok: false; reason: string };

/**
 * Parses an amount as accounting packages and banks write it: `1234.56`, `1.234,56`, `1,234.56`,
 * `1234,5`, `-12,00`, `€ 12,50`, `12.50-` (trailing sign), `(12.50)` (negative).
 * With both `.` and `,` present the last one is the decimal separator; a separator that occurs
 * more than once groups thousands. A single separator is a decimal separator, so `1.234` is read
 * as 1.234 and rejected for having three decimals instead of being silently taken as 1234.
 * `decimalSeparator` fixes the separator where the format defines it (XML: always `.`).
 */
export function parseAmount(
  input: string,
  options: { maxDecimals?: number; decimalSeparator?: '.' | ',' } = {},
): ParseAmountResult {
  const maxDecimals = options.maxDecimals ?? 2;
  const original = input.trim();
  let text = original.replace(/[\s\u00a0\u202f']/g, '').replace(/^(EUR|€)|(EUR|€)$/gi, '');
  if (text === '') return { ok: false, reason: 'empty amount' };
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-+]/.test(text)) {
    negative = negative !== text.startsWith('-');
    text = text.slice(1);
  } else if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  if (!/^[0-9.,]*[0-9][0-9.,]*$/.test(text)) return { ok: false, reason: `not an amount: "${original}"` };

  const decimalSeparator = options.decimalSeparator ?? guessDecimalSeparator(text);
  const [integerText = '', fraction = '', ...rest] = decimalSeparator ? text.split(decimalSeparator) : [text];
  if (rest.length > 0) return { ok: false, reason: `not an amount: "${original}"` };
  const thousands = decimalSeparator === ',' ? '.' : ',';
  const groups = integerText.split(thousands);
  const digits = groups.join('');
  // Thousands groups are 1–3 digits followed by groups of exactly three ("1.234.567").
  const wellGrouped =
    groups.length === 1 || groups.every((g, i) => (i === 0 ? /^[0-9]{1,3}$/ : /^[0-9]{3}$/).test(g));
  if (
    !wellGrouped ||
    !/^[0-9]*$/.test(digits) ||
    !/^[0-9]*$/.test(fraction) ||
    fraction.includes(thousands)
  ) {
    return { ok: false, reason: `not an amount: "${original}"` };
  }
  if (fraction.length > maxDecimals) return { ok: false, reason: `too many decimals in "${original}"` };

  let value = BigInt(digits === '' ? '0' : digits) * 100n;
  if (fraction.length <= 2) value += BigInt(fraction.padEnd(2, '0'));
  else value += divideRoundHalfAwayFromZero(BigInt(fraction), 10n ** BigInt(fraction.length - 2));
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    return { ok: false, reason: `amount too large: "${original}"` };
  const n = Number(value);
  return { ok: true, cents: cents(negative && n !== 0 ? -n : n) };
}

function guessDecimalSeparator(text: string): '.' | ',' | undefined {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : undefined;
  if (!sep) return undefined;
  // Several of the same separator group thousands ("1.234.567"): the other one is the decimal mark.
  return text.indexOf(sep) !== text.lastIndexOf(sep) ? (sep === '.' ? ',' : '.') : sep;
}

/**
 * `numerator / denominator` rounded to a whole number, halves away from zero (the rule of
 * `applyBasisPoints`; "half-up" for amounts that are not negative): 5/2 → 3, −5/2 → −3, 7/3 → 2.
 * For exact amounts kept in a finer unit than cents (interest in fractions of a cent). Throws a
 * RangeError when `denominator` is zero.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const isNegative = numerator < 0n !== denominator < 0n;
  const dividend = numerator < 0n ? -numerator : numerator;
  const divisor = denominator < 0n ? -denominator : denominator;
  const quotient = dividend / divisor;
  const rounded = (dividend % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  return isNegative ? -rounded : rounded;
}

/** Formats cents as a plain decimal string with two decimals: `123450` → `"1234.50"`. */
export function formatCents(value: number): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Formats cents for people in a locale: `nl` → `€ 1.234,50`, `en` → `€1,234.50`. */
export function formatMoney(value: number, currency: string, locale: string): string {
  const key = `${locale}:${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : locale === 'fr' ? 'fr-BE' : 'en-GB', {
      style: 'currency',
      currency,
    });
    moneyFormats.set(key, format);
  }
  return format.format(value / 100);
}

// Building an Intl.NumberFormat costs far more than using one; letters format dozens of amounts.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Multiplies cents by a rate in basis points, rounding half away from zero. */
export function applyBasisPoints(amount: number, bps: number): Cents {
  return cents(Number(divideRoundHalfAwayFromZero(BigInt(amount) * BigInt(bps), 10_000n)));
}

/** Splits an amount into `parts` near-equal shares whose sum is exactly the amount (largest first). */
export function splitEvenly(amount: number, parts: number): Cents[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('parts must be a positive integer');
  const base = Math.trunc(amount / parts);
  const remainder = amount - base * parts;
  return Array.from({ length: parts }, (_, i) =>
    cents(base + (i < Math.abs(remainder) ? Math.sign(remainder) : 0)),
  );
}
