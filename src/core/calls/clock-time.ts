/**
 * Local clock times as the settings and the contacts table write them (`HH:MM`), turned into
 * minutes after midnight so ranges can be cut and compared without a time zone.
 */

/** A local clock-time range `[from, until)`, both `HH:MM`. */
export type ClockRange = { from: string; until: string };

/** A range in minutes after local midnight, `[start, end)`. */
export type MinuteRange = { start: number; end: number };

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `"09:30"` → 570. Throws a RangeError naming the text when it is not a clock time. */
export function parseClockTime(text: string): number {
  const match = CLOCK_TIME.exec(text.trim());
  if (!match) throw new RangeError(`not a clock time (HH:MM): "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 570 → `"09:30"`. */
export function formatClockTime(minutes: number): string {
  return `${String(Math.trunc(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A range from its `HH:MM` ends; throws a RangeError when it is empty or reversed. */
export function toMinuteRange(range: ClockRange): MinuteRange {
  const start = parseClockTime(range.from);
  const end = parseClockTime(range.until);
  if (end <= start) throw new RangeError(`clock range ends before it starts: ${range.from}–${range.until}`);
  return { start, end };
}

export function intersectRanges(a: MinuteRange, b: MinuteRange): MinuteRange | undefined {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? { start, end } : undefined;
}

/** The parts of `range` not covered by any of `holes` (which must not overlap), in order. */
export function subtractRanges(range: MinuteRange, holes: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...holes].sort((x, y) => x.start - y.start);
  const rest: MinuteRange[] = [];
  let cursor = range.start;
  for (const hole of sorted) {
    if (hole.end <= cursor || hole.start >= range.end) continue;
    if (hole.start > cursor) rest.push({ start: cursor, end: hole.start });
    cursor = Math.max(cursor, hole.end);
  }
  if (cursor < range.end) rest.push({ start: cursor, end: range.end });
  return rest;
}
