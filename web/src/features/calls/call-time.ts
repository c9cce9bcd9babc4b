/**
 * Times on the workbench: the collector types a callback as a date and a clock time in the
 * organisation's zone (NL/BE: Europe/Amsterdam); the API wants an instant with its offset.
 */
export const CALL_TIME_ZONE = 'Europe/Amsterdam';

/** The zone's UTC offset at an instant, in minutes (+60 in Amsterdam's winter). */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(epochMs))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2026-03-17` + `11:00` in the zone as `2026-03-17T11:00:00+01:00`; null when either is not valid. */
export function localToInstant(date: string, time: string, timeZone = CALL_TIME_ZONE): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!d || !t) return null;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // The offset at the wall time read as UTC is right except within the hour of a DST change.
  let offset = offsetMinutes(asUtc - offsetMinutes(asUtc, timeZone) * 60_000, timeZone);
  if (Number.isNaN(offset)) offset = 0;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`;
}

/** Today and the time in the zone by the browser's clock, when the server's moment is not at hand. */
export function localToday(timeZone = CALL_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}
export function localTime(timeZone = CALL_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    new Date(),
  );
}

/** `HH:MM` plus minutes, rounded up to the next quarter, capped at 23:45 (a callback stays today). */
export function laterQuarter(time: string, minutes: number): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const base = match ? Number(match[1]) * 60 + Number(match[2]) : 9 * 60;
  const total = Math.min(Math.ceil((base + minutes) / 15) * 15, 23 * 60 + 45);
  return `${pad(Math.trunc(total / 60))}:${pad(total % 60)}`;
}

/** Seconds as a call timer shows them: `0:07`, `12:30`, `1:02:03`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.trunc(s / 3600);
  const minutes = Math.trunc((s % 3600) / 60);
  const rest = pad(s % 60);
  return hours > 0 ? `${hours}:${pad(minutes)}:${rest}` : `${minutes}:${rest}`;
}
