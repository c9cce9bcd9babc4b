import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A `tel:` URI per RFC 3966 for an E.164 number, with the extension as `;ext=` so softphones that
 * support it dial the extension too; the extension is also shown, for those that do not.
 */
export function telHref(e164: string, extension?: string | null): string {
  const digits = e164.replace(/[^+0-9]/g, '');
  const ext = extension?.replace(/[^0-9]/g, '');
  return ext ? `tel:${digits};ext=${ext}` : `tel:${digits}`;
}

/** `+31201234567` → `+31 20 123 4567`; anything unparsable is shown as it came. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}
