/**
 * The call settings as a form: every number as typed, in the unit a person thinks in (basis
 * points as a percentage, cents as euros), and back. What cannot be read as a number goes to the
 * server as typed, so its 400 names the field. Saving sends only what differs from the defaults.
 */

export type Draft = string | boolean | Draft[] | { [key: string]: Draft };
type Json = number | string | boolean | Json[] | { [key: string]: Json };

export type Unit = 'percent' | 'euro' | 'number';

/** The unit of a field by its nearest name: `…Bps` in basis points, `…Cents` in cents. */
export function unitOf(path: string): Unit {
  for (const segment of path.split('.').reverse()) {
    if (segment.endsWith('Bps')) return 'percent';
    if (segment.endsWith('Cents')) return 'euro';
  }
  return 'number';
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function formatNumber(value: number, unit: Unit): string {
  return unit === 'number' ? String(value) : String(value / 100);
}

function parseNumber(text: string, unit: Unit): number | string {
  const trimmed = text.trim().replace(',', '.');
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) return text;
  return unit === 'number' ? value : Math.round(value * 100);
}

export function toDraft(value: unknown, path = ''): Draft {
  if (Array.isArray(value)) return value.map((item, i) => toDraft(item, join(path, i)));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDraft(v, join(path, k))]));
  if (typeof value === 'number') return formatNumber(value, unitOf(path));
  if (typeof value === 'boolean') return value;
  return String(value ?? '');
}

/** The settings the draft says, typed like `reference` (the defaults). */
export function fromDraft(draft: Draft, reference: unknown, path = ''): Json {
  if (Array.isArray(draft)) {
    const item = Array.isArray(reference) ? reference[0] : undefined;
    return draft.map((d, i) => fromDraft(d, item, join(path, i)));
  }
  if (isObject(draft)) {
    const ref = isObject(reference) ? reference : {};
    return Object.fromEntries(
      Object.entries(draft).map(([k, d]) => [k, fromDraft(d as Draft, ref[k], join(path, k))]),
    );
  }
  if (typeof reference === 'number' && typeof draft === 'string') return parseNumber(draft, unitOf(path));
  return draft;
}

/** What differs from the defaults: objects by field, arrays whole. */
export function overridesOf(settings: Json, defaults: unknown): Json | undefined {
  if (isObject(settings) && isObject(defaults)) {
    const changed = Object.entries(settings).flatMap(([key, value]) => {
      const diff = overridesOf(value, defaults[key]);
      return diff === undefined ? [] : [[key, diff] as const];
    });
    return changed.length > 0 ? Object.fromEntries(changed) : undefined;
  }
  return JSON.stringify(settings) === JSON.stringify(defaults) ? undefined : settings;
}

/** A server field (`timing.goldenHours[0]`, `timing.goldenHours.0.from`) in the form's spelling. */
export const normalField = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/** The draft with the value at `path` replaced. */
export function setAt(draft: Draft, path: string[], value: Draft | undefined): Draft {
  const [head, ...rest] = path;
  if (head === undefined) return value ?? draft;
  if (Array.isArray(draft)) {
    const copy = [...draft];
    const index = Number(head);
    if (rest.length === 0 && value === undefined) copy.splice(index, 1);
    else copy[index] = setAt(copy[index] ?? '', rest, value);
    return copy;
  }
  if (isObject(draft))
    return { ...draft, [head]: setAt((draft as Record<string, Draft>)[head] ?? '', rest, value) };
  return draft;
}
